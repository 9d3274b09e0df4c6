using System.Net;
using Grpc.Core;
using GymServer.Engine.Recording;
using GymServer.Tests.Functional.Dashboard;
using GymServer.Tests.Functional.Recording;
using GymServer.Tests.Infrastructure;
using GymServer.Web.Dashboard;
using GymServer.Web.DmEnvRpc.V1;
using GymServer.Web.Metrics;
using Microsoft.Extensions.DependencyInjection;
using static GymServer.Tests.Functional.DmEnvRpc.DmEnvRpcTestClient;

namespace GymServer.Tests.Functional.DmEnvRpc;

/// <summary>The endpoint around the protocol: tokens, its own port, the stream limit, metrics, dashboard, recording.</summary>
public sealed class DmEnvRpcEndpointTests
{
    private const string Token = "s3cret-token";

    [Fact]
    public async Task WithTokensAStreamNeedsTheBearerMetadata()
    {
        await using var server = GymServerFactory.With(new Dictionary<string, string?> { ["Gym:Auth:Tokens:0"] = Token });
        foreach (var (token, mentioned) in new[] { ((string?)null, "requires a token"), ("wrong", "not one this server accepts") })
        {
            await using var refused = Connect(server, token);
            // The refusal may end the call before the request is written: then the write throws it, else the read.
            var error = await Assert.ThrowsAsync<RpcException>(async () =>
            {
                await refused.WriteAsync(CreateWorld("CartPole-v1"));
                await refused.MoveNextAsync();
            });
            Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
            Assert.Contains(mentioned, error.Status.Detail, StringComparison.Ordinal);
        }
        await using var client = Connect(server, Token);
        await client.CreateAndJoinAsync("CartPole-v1");
        Assert.Equal(EnvironmentStateType.Running, (await client.StepAsync(null)).State);
    }

    [Fact]
    public async Task TheServiceIsOnItsOwnPortAndTheHttpRoutesAreNot()
    {
        await using var server = new GymServerFactory();
        // HTTP/2 with prior knowledge, as gRPC clients speak to the dm_env_rpc port.
        using var h2c = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var metricsOnRpcPort = await h2c.GetAsync(new Uri($"http://127.0.0.1:{server.DmEnvRpcPort}/metrics"));
        Assert.Equal(HttpStatusCode.NotFound, metricsOnRpcPort.StatusCode);

        using var http = new HttpClient { BaseAddress = server.HttpAddress };
        using var rpcOnHttpPort = await http.PostAsync(new Uri("/dm_env_rpc.v1.Environment/Process", UriKind.Relative), new ByteArrayContent([]));
        Assert.Equal(HttpStatusCode.NotFound, rpcOnHttpPort.StatusCode);
        Assert.True((await http.GetAsync(new Uri("/metrics", UriKind.Relative))).IsSuccessStatusCode);
    }

    [Fact]
    public async Task StreamsPastTheLimitAreRefusedAndTheOthersGoOn()
    {
        await using var server = GymServerFactory.With(new Dictionary<string, string?> { ["Gym:DmEnvRpc:MaxStreams"] = "1" });
        await using var first = Connect(server);
        await first.CreateAndJoinAsync("CartPole-v1");
        await using (var second = Connect(server))
        {
            // The refusal may end the call before the request is written: then the write throws it, else the read.
            var error = await Assert.ThrowsAsync<RpcException>(async () =>
            {
                await second.WriteAsync(CreateWorld("CartPole-v1"));
                await second.MoveNextAsync();
            });
            Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
            Assert.Contains("1 dm_env_rpc streams", error.Status.Detail, StringComparison.Ordinal);
        }
        Assert.Equal(EnvironmentStateType.Running, (await first.StepAsync(null)).State);
    }

    [Fact]
    public async Task StreamsCountInTheMetricsAndOnTheDashboard()
    {
        await using var server = new GymServerFactory();
        var metrics = server.Services.GetRequiredService<GymMetrics>();
        using var http = new HttpClient { BaseAddress = server.HttpAddress };
        await using (var client = Connect(server))
        {
            await client.CreateAndJoinAsync("CartPole-v1");
            await client.StepAsync(null);
            for (var i = 0; i < 5; i++)
            {
                await client.StepAsync(Action(Int64(1)));
            }
            AssertError(await client.SendAsync(new EnvironmentRequest { JoinWorld = new JoinWorldRequest { WorldName = "nope" } }),
                StatusCode.NotFound, "nope");

            var during = new PrometheusText(await http.GetStringAsync(new Uri("/metrics", UriKind.Relative)));
            Assert.Equal(1, during["gymserver_connections"]);
            Assert.Equal(1, during["gymserver_sessions"]);
            Assert.Equal(1, during["gymserver_envs{backend=\"native\"}"]);
            Assert.Equal(5, during["gymserver_steps_total"]);
            Assert.Equal(1, during["gymserver_request_errors_total{code=\"unknown_world\",deferred=\"false\"}"]);
            Assert.Equal(1, server.Services.GetRequiredService<NodeSnapshotSource>().Capture().Connections);
        }
        // The server sees the stream end on its own time: wait for the gauge to move rather than sleep.
        await WaitUntilAsync(metrics, () => metrics.ActiveConnections == 0);
        var after = new PrometheusText(await http.GetStringAsync(new Uri("/metrics", UriKind.Relative)));
        Assert.Equal(0, after["gymserver_sessions"]);
        Assert.Equal(0, after["gymserver_envs{backend=\"native\"}"]);
    }

    [Fact]
    public async Task RecordSettingRecordsTheWorldsEpisodesUnderItsName()
    {
        using var root = new MediaRoot();
        await using var server = GymServerFactory.With(new Dictionary<string, string?> { ["Gym:Media:Root"] = root.Path });
        await using var client = Connect(server);
        var (world, _) = await client.CreateAndJoinAsync("CartPole-v1", ("seed", Int64(2)), ("record", Text("every:2")));
        for (var episode = 0; episode < 3; episode++)
        {
            await client.StepAsync(null);
            while ((await client.StepAsync(Action(Int64(1)))).State == EnvironmentStateType.Running)
            {
            }
        }
        await server.Services.GetRequiredService<MediaRecorder>().IdleAsync();
        Assert.Equal(["episode-000000.mp4", "episode-000002.mp4"],
            Directory.GetFiles(Path.Combine(root.Path, world), "*.mp4").Select(path => Path.GetFileName(path)).Order());
    }

    private static Task WaitUntilAsync(GymMetrics metrics, Func<bool> condition) =>
        ChangedEvent.WaitUntilAsync(h => metrics.Changed += h, h => metrics.Changed -= h, condition, TimeSpan.FromSeconds(10));
}
