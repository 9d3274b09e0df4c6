using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace GymServer.Tests.Functional.Recording;

/// <summary>What goes wrong with video (no ffmpeg, ffmpeg killed) leaves statistics going, and says so once.</summary>
public sealed class RecordingFailureTests
{
    [Fact]
    public async Task WithoutFfmpegVideoIsTurnedOffOnceAndStatisticsGoOn()
    {
        using var kit = new RecordingKit(ffmpeg: "/nonexistent/bin/ffmpeg");
        await using var session = kit.NewSession();
        var env = await session.OpenAsync("CartPole-v1", CancellationToken.None);
        env.RecordEpisodeStatistics();
        kit.Recorder.Start(env);
        var first = await RecordingKit.RunEpisodeAsync(env, seed: 1);
        var second = await RecordingKit.RunEpisodeAsync(env, seed: 2);
        await kit.Recorder.IdleAsync();

        Assert.Equal(2, env.Statistics.Episodes);
        Assert.Equal(second, env.Statistics.Last!.Value.Length);
        Assert.True(first > 0);
        Assert.False(kit.Status.VideoEnabled);
        Assert.Contains("/nonexistent/bin/ffmpeg", kit.Status.VideoOffReason);
        var notice = Assert.Single(kit.Status.Notices);
        Assert.Equal(kit.Status.VideoOffReason, notice.Reason);
        var logged = Assert.Single(kit.Logs.Entries, entry => entry.Level >= LogLevel.Warning);
        Assert.Contains("Video recording is off", logged.Message);
        Assert.Empty(Directory.GetFiles(kit.Media.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task FfmpegKilledMidVideoMarksThatEpisodeFailedAndTheNextOneRecords()
    {
        using var kit = new RecordingKit();
        await using var session = kit.NewSession();
        var env = await session.OpenAsync("CartPole-v1", CancellationToken.None);
        var recording = kit.Recorder.Start(env);
        await env.ResetAsync(3, null, CancellationToken.None);
        using (var ffmpeg = Process.GetProcessById(await recording.EncoderStarted!))
        {
            ffmpeg.Kill();
            await ffmpeg.WaitForExitAsync();
        }
        BitConverter.TryWriteBytes(env.Action, 1L);
        while (!(await env.StepAsync(CancellationToken.None)).Result.Done)
        {
        }
        await RecordingKit.RunEpisodeAsync(env, seed: 4);
        await kit.Recorder.IdleAsync();

        Assert.Equal(2, env.Statistics.Episodes);
        Assert.Equal("failed", Status(kit, env.InstanceId, 0));
        Assert.Equal("complete", Status(kit, env.InstanceId, 1));
        Assert.True(kit.Status.VideoEnabled);
    }

    private static string? Status(RecordingKit kit, string instance, int episode)
    {
        using var metadata = JsonDocument.Parse(File.ReadAllBytes(kit.Media.File(instance, $"episode-{episode:D6}.json")));
        return metadata.RootElement.GetProperty("status").GetString();
    }
}
