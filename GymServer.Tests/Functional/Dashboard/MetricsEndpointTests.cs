using GymServer.Engine.Admission;
using GymServer.Engine.Sessions;
using GymServer.Tests.Infrastructure;
using GymServer.Web.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace GymServer.Tests.Functional.Dashboard;

/// <summary>/metrics, /healthz and /readyz on the real host, scraped while an agent steps over TCP.</summary>
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task MetricsMoveAsAnAgentSteps()
    {
        await using var server = GymServerFactory.With(new Dictionary<string, string?>());
        using var http = new HttpClient { BaseAddress = server.HttpAddress };
        var before = new PrometheusText(await http.GetStringAsync("/metrics"));
        Assert.Equal(0, before["gymserver_steps_total"]);
        Assert.Equal(0, before["gymserver_connections"]);
        Assert.Equal(0, before["gymserver_envs{backend=\"native\"}"]);

        await using var agent = await CartPoleAgent.StartAsync(server.TcpPort);
        await agent.PlayAsync(3);
        await using (var wrong = await server.ConnectAsync())
        {
            await wrong.RequestAsync("{\"env\":{\"name\":\"NoSuchEnv-v0\"}}");
        }
        // The server sees that client's socket close on its own time: wait for it before reading the gauge.
        await WaitForActiveConnectionsAsync(server.Services.GetRequiredService<GymMetrics>(), 1);

        var during = new PrometheusText(await http.GetStringAsync("/metrics"));
        Assert.Equal(agent.Steps, during["gymserver_steps_total"]);
        Assert.Equal(3, during["gymserver_episodes_total"]);
        Assert.Equal(1, during["gymserver_connections"]);
        Assert.Equal(1, during["gymserver_sessions"]);
        Assert.Equal(1, during["gymserver_envs{backend=\"native\"}"]);
        Assert.Equal(agent.Steps, during["gymserver_env_step_duration_seconds_count"]);
        Assert.True(during["gymserver_env_step_duration_seconds_sum"] > 0);
        Assert.Equal(1, during["gymserver_request_errors_total{code=\"unknown_env\",deferred=\"false\"}"]);
        Assert.Equal(0, during["gymserver_python_workers{state=\"ready\"}"]);
        Assert.Equal(0, during["gymserver_media_bytes"]);
        Assert.Equal(1 << 30, during["gymserver_media_max_bytes"]);
        Assert.Equal(1, during["gymserver_cluster_nodes"]);
    }

    private static Task WaitForActiveConnectionsAsync(GymMetrics metrics, long expected) =>
        ChangedEvent.WaitUntilAsync(h => metrics.Changed += h, h => metrics.Changed -= h, () => metrics.ActiveConnections == expected, TimeSpan.FromSeconds(10));

    [Fact]
    public async Task HealthAndReadinessReportTheListenerAndPool()
    {
        await using var server = GymServerFactory.With(new Dictionary<string, string?>());
        using var http = new HttpClient { BaseAddress = server.HttpAddress };
        Assert.Equal("Healthy", await http.GetStringAsync("/healthz"));
        using var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.True(ready.IsSuccessStatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReadinessIsDegradedWithoutPythonButStillReady()
    {
        await using var server = GymServerFactory.With(new Dictionary<string, string?>
        {
            ["Gym:Python:Workers"] = "1",
            ["Gym:Python:Executable"] = "/nonexistent/python3",
        });
        using var http = new HttpClient { BaseAddress = server.HttpAddress };
        using var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.True(ready.IsSuccessStatusCode);
        var lines = (await ready.Content.ReadAsStringAsync()).Split('\n');
        Assert.Equal("Degraded", lines[0]);
        var python = Assert.Single(lines[1..]);
        Assert.StartsWith("python-workers: Python envs unavailable: cannot run the Python interpreter '/nonexistent/python3'", python, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StepLatencyIsRecordedWithoutAllocating()
    {
        await using var server = GymServerFactory.With(new Dictionary<string, string?>());
        var activity = server.Services.GetRequiredService<NodeActivity>();
        var catalog = server.Services.GetRequiredService<EnvCatalog>();
        await using var session = new Session(catalog, ClientAdmission.WithoutNode(16), activity);
        var env = await session.OpenAsync("CartPole-v1", CancellationToken.None);
        await env.ResetAsync(CancellationToken.None);
        StepMany(env, 200);
        // The host's collector is subscribed to StepTimed: the histogram is on this path.
        AllocationAssert.SteadyStateAllocatesNothing(() => StepMany(env, 1000));
        using var http = new HttpClient { BaseAddress = server.HttpAddress };
        var scraped = new PrometheusText(await http.GetStringAsync("/metrics"));
        Assert.True(scraped["gymserver_env_step_duration_seconds_count"] >= 1200);
    }

    private static void StepMany(SessionEnv env, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var step = env.StepAsync(CancellationToken.None);
            // Native envs complete synchronously; reading the result of a completed ValueTask allocates nothing.
            Assert.True(step.IsCompletedSuccessfully);
            if (step.Result.Result.Done)
            {
                Assert.True(env.ResetAsync(CancellationToken.None).IsCompletedSuccessfully);
            }
        }
    }
}
