using System.Text.Json;
using GymServer.Engine.Recording;
using Microsoft.Extensions.DependencyInjection;

namespace GymServer.Tests.Functional.Recording;

/// <summary>The protocol-2 record request, and protocol 1's record_episode_stats on a node without ffmpeg.</summary>
public sealed class RecordProtocolTests
{
    [Fact]
    public async Task Protocol2RecordStartsVideosOnTheRequestedScheduleAndRepliesTheFolder()
    {
        using var root = new MediaRoot();
        await using var server = GymServerFactory.With(new Dictionary<string, string?> { ["Gym:Media:Root"] = root.Path });
        await using var client = await Protocol2.ConnectAsync(server);
        var instance = await client.MakeAsync("CartPole-v1");

        var reply = await client.SendAsync("record", new { instance, video = "every:2" });
        Assert.Equal($"{{\"ok\":true,\"url\":\"{instance}/\",\"video\":\"every:2\"}}", reply.GetRawText());
        for (var episode = 0; episode < 3; episode++)
        {
            await client.SendAsync("reset", new { instance, seed = episode });
            while (!(await client.SendAsync("step", new { instance, action = 1 })).GetProperty("terminated").GetBoolean())
            {
            }
        }
        await server.Services.GetRequiredService<MediaRecorder>().IdleAsync();

        Assert.Equal(["episode-000000.mp4", "episode-000002.mp4"],
            Directory.GetFiles(Path.Combine(root.Path, instance), "*.mp4").Select(path => Path.GetFileName(path)).Order());
    }

    [Theory]
    [InlineData("{\"record\":{\"instance\":\"$\",\"video\":\"weekly\"}}", "invalid_argument", "cubic")]
    [InlineData("{\"record\":{\"instance\":\"$\",\"video\":\"every:0\"}}", "invalid_argument", "N >= 1")]
    [InlineData("{\"record\":{\"instance\":\"nope\"}}", "unknown_instance", "nope")]
    [InlineData("{\"record\":{\"instance\":\"$\",\"audio\":true}}", "invalid_request", "audio")]
    public async Task BadRecordRequestsGetClearErrors(string request, string code, string mentioned)
    {
        await using var server = new GymServerFactory();
        await using var client = await Protocol2.ConnectAsync(server);
        var instance = await client.MakeAsync("CartPole-v1");
        var reply = await client.RequestAsync(request.Replace("$", instance, StringComparison.Ordinal));
        var error = reply.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Contains(mentioned, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Protocol1WithoutFfmpegStillReportsEpisodeStatistics()
    {
        using var root = new MediaRoot();
        await using var server = GymServerFactory.With(new Dictionary<string, string?>
        {
            ["Gym:Media:Root"] = root.Path,
            ["Gym:Media:Ffmpeg"] = "/nonexistent/ffmpeg",
        });
        await using var client = await server.ConnectAsync();
        await client.RequestAsync("{\"env\":{\"name\":\"CartPole-v1\"}}");
        await client.SendAsync("{\"record_episode_stats\":{\"action\":\"start\"}}");
        for (var episode = 0; episode < 2; episode++)
        {
            await client.RequestAsync("{\"env\":{\"action\":\"reset\"}}");
            var steps = 0;
            JsonElement step;
            do
            {
                step = await client.RequestAsync("{\"step\":{\"action\":1,\"render\":0}}");
                steps++;
            }
            while (!step.GetProperty("done").GetBoolean());
            Assert.Equal(steps, step.GetProperty("info").GetProperty("episode").GetProperty("l").GetInt32());
        }
        await server.Services.GetRequiredService<MediaRecorder>().IdleAsync();

        var status = server.Services.GetRequiredService<MediaStatus>();
        Assert.False(status.VideoEnabled);
        Assert.Single(status.Notices);
        Assert.Empty(Directory.GetFiles(root.Path, "*", SearchOption.AllDirectories));
    }
}
