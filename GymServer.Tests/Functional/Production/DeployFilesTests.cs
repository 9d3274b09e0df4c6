using System.Text.Json;
using System.Text.RegularExpressions;
using GymServer.Tests.Functional.Dashboard;
using GymServer.Tests.Functional.Python;
using GymServer.Tests.Infrastructure;

namespace GymServer.Tests.Functional.Production;

/// <summary>
/// deploy/'s Grafana dashboard and Prometheus alert rules query only metrics the server exposes: every gymserver_*
/// name they use is in the real server's /metrics after some traffic (steps, an error, Python workers sampled).
/// Their PromQL itself is checked by promtool in CI (.ci/promtool.py).
/// </summary>
[Collection(PythonWorkersCollection.Name)]
public sealed partial class DeployFilesTests
{
    private static string Deploy => Path.Combine(RepositoryPaths.Root, "deploy");

    [Fact]
    public async Task EveryMetricTheDashboardAndAlertsUseIsExposed()
    {
        var used = DashboardQueries().Concat([File.ReadAllText(Path.Combine(Deploy, "prometheus", "gymserver-rules.yml"))])
            .SelectMany(text => MetricName().Matches(text).Select(match => match.Value))
            .ToHashSet(StringComparer.Ordinal);
        // Not an empty promise: the dashboard covers steps, latency, connections, envs, the pool, errors, media, cluster.
        Assert.True(used.Count >= 15, $"only {used.Count} metric names found: {string.Join(", ", used)}");

        using var media = new MediaFixture();
        await using var server = ServerProcess.StartBuilt(
            "--Gym:Python:Workers=2",
            $"--Gym:Python:Executable={PythonTestPool.Interpreter}",
            $"--Gym:Python:PythonPath:0={PythonTestPool.FakeGymDirectory}",
            "--Gym:Python:Imports:0=gymserver_testenvs",
            $"--Gym:Media:Root={media.Path}");
        await server.WaitUntilServingAsync(TimeSpan.FromSeconds(90));
        await using (var agent = await CartPoleAgent.StartAsync(server.TcpPort))
        {
            await agent.PlayAsync(2);
        }
        await using (var client = await GymTestClient.ConnectAsync(server.TcpPort))
        {
            Replies.AssertError(await client.RequestAsync("""{"env":{"name":"NoSuchEnv-v0"}}"""), "unknown_env", "NoSuchEnv-v0");
        }

        // Worker CPU shares need two of the server's once-a-second samples: scrape until nothing is missing.
        var missing = used.ToList();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (missing.Count > 0 && DateTime.UtcNow < deadline)
        {
            var exposed = MetricName().Matches(await server.GetStringAsync("/metrics")).Select(match => match.Value).ToHashSet(StringComparer.Ordinal);
            missing = [.. used.Where(name => !exposed.Contains(name))];
            if (missing.Count > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }
        Assert.True(missing.Count == 0, $"used in deploy/ but not in /metrics: {string.Join(", ", missing)}");
        await server.StopAsync();
    }

    /// <summary>The PromQL of every panel and of the variables of the Grafana dashboard.</summary>
    private static IEnumerable<string> DashboardQueries()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(Deploy, "grafana", "gymserver-dashboard.json")));
        var root = dashboard.RootElement;
        var panels = root.GetProperty("panels").EnumerateArray()
            .SelectMany(panel => panel.TryGetProperty("targets", out var targets) ? targets.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Select(target => target.GetProperty("expr").GetString()!);
        var variables = root.GetProperty("templating").GetProperty("list").EnumerateArray()
            .Where(variable => variable.TryGetProperty("definition", out _))
            .Select(variable => variable.GetProperty("definition").GetString()!);
        return [.. panels, .. variables];
    }

    [GeneratedRegex("gymserver_[a-z0-9_]+")]
    private static partial Regex MetricName();
}
