using System.Text.Json;
using GymServer.Engine.Recording;

namespace GymServer.Tests.Functional.Recording;

/// <summary>Gym:Media:MaxBytes: whole episodes deleted, oldest first, indexes kept true.</summary>
public sealed class MediaCapTests
{
    [Fact]
    public async Task PastTheCapTheOldestEpisodesAreDeletedFirstAcrossInstances()
    {
        using var kit = new RecordingKit(maxBytes: 3200);
        var now = DateTime.UtcNow;
        WriteVideo(kit, "bbbb", 0, now.AddHours(-3));
        WriteVideo(kit, "aaaa", 0, now.AddHours(-2));
        WriteVideo(kit, "aaaa", 1, now.AddHours(-1));

        // 3000 bytes of video, then the new episode's metadata and the index pass 3200: only the oldest must go.
        await kit.Library.PublishAsync(Metadata("aaaa", 2));

        Assert.False(File.Exists(kit.Media.File("bbbb", "episode-000000.mp4")));
        Assert.True(File.Exists(kit.Media.File("aaaa", "episode-000000.mp4")));
        Assert.True(File.Exists(kit.Media.File("aaaa", "episode-000001.mp4")));
        Assert.True(File.Exists(kit.Media.File("aaaa", "episode-000002.json")));
    }

    [Fact]
    public async Task ATinyCapKeepsOnlyTheNewestRecordedEpisodeAndItsIndexSaysSo()
    {
        using var kit = new RecordingKit(maxBytes: 1);
        await using var session = kit.NewSession();
        var env = await session.OpenAsync("CartPole-v1", CancellationToken.None);
        kit.Recorder.Start(env);
        for (var episode = 0; episode < 3; episode++)
        {
            await RecordingKit.RunEpisodeAsync(env, seed: episode);
            // Publication is in the background: let each finish, so "oldest" is well defined.
            await kit.Recorder.IdleAsync();
        }

        Assert.Equal(["episode-000002.json", "episode-000002.mp4", "episode-000002.png", "index.json"],
            Directory.GetFiles(kit.Media.File(env.InstanceId)).Select(path => Path.GetFileName(path)).Order());
        using var index = JsonDocument.Parse(File.ReadAllBytes(kit.Media.File(env.InstanceId, "index.json")));
        Assert.Equal(2, Assert.Single(index.RootElement.GetProperty("episodes").EnumerateArray()).GetProperty("episode").GetInt64());
    }

    private static void WriteVideo(RecordingKit kit, string instance, int episode, DateTime modified)
    {
        Directory.CreateDirectory(kit.Media.File(instance));
        var path = kit.Media.File(instance, $"episode-{episode:D6}.mp4");
        File.WriteAllBytes(path, new byte[1000]);
        File.SetLastWriteTimeUtc(path, modified);
    }

    private static EpisodeMetadata Metadata(string instance, int episode) => new(
        "CartPole-v1", instance, episode, null, 10, 10, 0.5, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, "n",
        $"episode-{episode:D6}.mp4", 11, null, EpisodeMetadata.Complete);
}
