using System.Text.Json;
using GymServer.Engine.Recording;

namespace GymServer.Tests.Functional.Recording;

/// <summary>Episodes recorded with the real ffmpeg: the MP4 ffprobe sees, the metadata, the index, the schedule.</summary>
public sealed class VideoRecordingTests
{
    [Fact]
    public async Task ARecordedCartPoleEpisodeIsAnH264Mp4WithAFrameForTheResetAndEachStep()
    {
        using var kit = new RecordingKit();
        await using var session = kit.NewSession();
        var env = await session.OpenAsync("CartPole-v1", CancellationToken.None);
        kit.Recorder.Start(env);

        var length = await RecordingKit.RunEpisodeAsync(env, seed: 42);
        await kit.Recorder.IdleAsync();

        var probe = await Ffprobe.ProbeAsync(kit.Media.File(env.InstanceId, "episode-000000.mp4"));
        Assert.Equal(new Ffprobe("h264", "yuv420p", 600, 400, length + 1), probe);
        Assert.False(File.Exists(kit.Media.File(env.InstanceId, "episode-000000.mp4.part")));
        Assert.True(kit.Status.VideoEnabled);
    }

    [Fact]
    public async Task TheMetadataAndTheIndexDescribeTheEpisode()
    {
        using var kit = new RecordingKit();
        await using var session = kit.NewSession();
        var env = await session.OpenAsync("CartPole-v1", CancellationToken.None);
        kit.Recorder.Start(env);
        var before = DateTimeOffset.UtcNow;
        var length = await RecordingKit.RunEpisodeAsync(env, seed: 7);
        await kit.Recorder.IdleAsync();

        using var metadata = JsonDocument.Parse(File.ReadAllBytes(kit.Media.File(env.InstanceId, "episode-000000.json")));
        var root = metadata.RootElement;
        Assert.Equal("CartPole-v1", root.GetProperty("env_id").GetString());
        Assert.Equal(env.InstanceId, root.GetProperty("instance").GetString());
        Assert.Equal(0, root.GetProperty("episode").GetInt64());
        Assert.Equal(7, root.GetProperty("seed").GetInt64());
        Assert.Equal(length, root.GetProperty("return").GetDouble());
        Assert.Equal(length, root.GetProperty("length").GetInt64());
        Assert.Equal(env.Statistics.Last!.Value.Seconds, root.GetProperty("duration").GetDouble());
        var started = root.GetProperty("started_at").GetDateTimeOffset();
        var ended = root.GetProperty("ended_at").GetDateTimeOffset();
        Assert.True(before <= started && started <= ended, $"{before:O} {started:O} {ended:O}");
        Assert.EndsWith("Z", root.GetProperty("ended_at").GetString());
        Assert.Equal("test-node", root.GetProperty("node").GetString());
        Assert.Equal("episode-000000.mp4", root.GetProperty("video").GetString());
        Assert.Equal(length + 1, root.GetProperty("frames").GetInt64());
        Assert.Equal("episode-000000.png", root.GetProperty("thumbnail").GetString());
        Assert.Equal("complete", root.GetProperty("status").GetString());

        var thumbnail = Infrastructure.RgbImage.DecodePng(kit.Media.File(env.InstanceId, "episode-000000.png"));
        Assert.Equal(new Engine.Rendering.FrameShape(400, 600), thumbnail.Shape);

        using var index = JsonDocument.Parse(File.ReadAllBytes(kit.Media.File(env.InstanceId, "index.json")));
        Assert.Equal(env.InstanceId, index.RootElement.GetProperty("instance").GetString());
        Assert.Equal("CartPole-v1", index.RootElement.GetProperty("env_id").GetString());
        Assert.Equal("test-node", index.RootElement.GetProperty("node").GetString());
        Assert.Equal(root.GetRawText(), Assert.Single(index.RootElement.GetProperty("episodes").EnumerateArray()).GetRawText());
    }

    [Fact]
    public async Task EveryNthRecordsOnlyThoseEpisodesAndTheIndexListsThemInOrder()
    {
        using var kit = new RecordingKit(schedule: "every:2");
        await using var session = kit.NewSession();
        var env = await session.OpenAsync("CartPole-v1", CancellationToken.None);
        kit.Recorder.Start(env);
        for (var episode = 0; episode < 5; episode++)
        {
            await RecordingKit.RunEpisodeAsync(env, seed: episode);
        }
        await kit.Recorder.IdleAsync();

        var videos = Directory.GetFiles(kit.Media.File(env.InstanceId), "*.mp4").Select(path => Path.GetFileName(path)).Order().ToArray();
        Assert.Equal(["episode-000000.mp4", "episode-000002.mp4", "episode-000004.mp4"], videos);
        using var index = JsonDocument.Parse(File.ReadAllBytes(kit.Media.File(env.InstanceId, "index.json")));
        Assert.Equal([0L, 2L, 4L], index.RootElement.GetProperty("episodes").EnumerateArray().Select(e => e.GetProperty("episode").GetInt64()));
    }

    [Fact]
    public async Task AnEpisodeCutShortByAResetIsDroppedAndTheNextOneTakesItsNumber()
    {
        using var kit = new RecordingKit();
        await using var session = kit.NewSession();
        var env = await session.OpenAsync("CartPole-v1", CancellationToken.None);
        kit.Recorder.Start(env);
        await env.ResetAsync(1, null, CancellationToken.None);
        BitConverter.TryWriteBytes(env.Action, 0L);
        await env.StepAsync(CancellationToken.None);
        var length = await RecordingKit.RunEpisodeAsync(env, seed: 2);
        await kit.Recorder.IdleAsync();

        Assert.Equal(["episode-000000.json", "episode-000000.mp4", "episode-000000.png", "index.json"],
            Directory.GetFiles(kit.Media.File(env.InstanceId)).Select(path => Path.GetFileName(path)).Order());
        var probe = await Ffprobe.ProbeAsync(kit.Media.File(env.InstanceId, "episode-000000.mp4"));
        Assert.Equal(length + 1, probe.Frames);
    }

    [Fact]
    public async Task AnEnvNotRecordedWritesNothing()
    {
        using var kit = new RecordingKit();
        await using var session = kit.NewSession();
        var env = await session.OpenAsync("CartPole-v1", CancellationToken.None);
        await RecordingKit.RunEpisodeAsync(env, seed: 1);
        var recorded = await session.OpenAsync("CartPole-v1", CancellationToken.None);
        kit.Recorder.Start(recorded, VideoSchedule.None);
        await RecordingKit.RunEpisodeAsync(recorded, seed: 1);
        await kit.Recorder.IdleAsync();
        Assert.Empty(Directory.GetFileSystemEntries(kit.Media.Path));
        Assert.Equal(1, recorded.Statistics.Episodes);
    }

    [Fact]
    public async Task StepsOfARecordedEnvOutsideItsVideoEpisodesAllocateNothing()
    {
        using var kit = new RecordingKit(schedule: "every:1000000");
        await using var session = kit.NewSession();
        var env = await session.OpenAsync("CartPole-v1", CancellationToken.None);
        kit.Recorder.Start(env);
        // Episode 0 is on video; the ones after it are not.
        await RecordingKit.RunEpisodeAsync(env, seed: 1);
        Steps(env, 2000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Steps(env, 2000);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        await kit.Recorder.IdleAsync();
    }

    private static void Steps(Engine.Sessions.SessionEnv env, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var step = env.StepAsync(CancellationToken.None);
            Assert.True(step.IsCompletedSuccessfully);
            if (step.Result.Result.Done)
            {
                Assert.True(env.ResetAsync(CancellationToken.None).IsCompletedSuccessfully);
            }
        }
    }
}
