using System.Net;
using System.Text.Json;
using GymServer.Tests.Functional.Python;

namespace GymServer.Tests.Functional.Production;

/// <summary>
/// The real server started with a Python that has no gymnasium (Debian's python3, as on a fresh machine): its log
/// says so in one warning line that names the interpreter, what failed and the setting to change, then nothing more
/// however often it is probed; /readyz and the dashboard give the same reason. Both console formats are read.
/// </summary>
[Collection(PythonWorkersCollection.Name)]
public sealed class QuietStartTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    /// <summary>The start of the reason, as the worker pool words it for this interpreter.</summary>
    private const string Reason = $"the interpreter '{PythonTestPool.Interpreter}' cannot serve envs: cannot import gymnasium or gym";

    [Fact]
    public async Task WithoutGymnasiumTheLogHasOneWarningAndReadinessSaysWhy()
    {
        await using var server = ServerProcess.StartBuilt($"--Gym:Python:Executable={PythonTestPool.Interpreter}");
        await server.WaitUntilServingAsync(StartTimeout);
        await ProbeAsync(server);
        await server.StopAsync();

        // The simple console format, one line per entry ("warn: Category[id] message"), as appsettings.json sets it.
        var python = server.Lines.Where(line => line.Contains("Python", StringComparison.Ordinal) && IsWarningOrWorse(line)).ToList();
        var warning = Assert.Single(python);
        Assert.StartsWith("warn: GymServer.Engine.Python.PythonWorkerPool[6] Python envs unavailable: " + Reason, warning, StringComparison.Ordinal);
        Assert.Contains("set Gym:Python:Executable to an interpreter that has gymnasium", warning, StringComparison.Ordinal);
        Assert.EndsWith("Native envs keep working.", warning, StringComparison.Ordinal);
        // No traceback (it is at Debug), no worker restarting, no health check complaining at every probe.
        Assert.DoesNotContain(server.Lines, line => line.Contains("Traceback", StringComparison.Ordinal));
        Assert.DoesNotContain(server.Lines, line => line.Contains("Restarting Python worker", StringComparison.Ordinal));
        Assert.DoesNotContain(server.Lines, line => line.Contains("Health check", StringComparison.Ordinal));
        // Nor any other warning: Kestrel's about overriding --urls (which the server binds itself, beside TCP) included.
        Assert.Equal([warning], server.Lines.Where(IsWarningOrWorse));
    }

    [Fact]
    public async Task TheJsonConsoleFormatGivesTheSameWarningAsOneObject()
    {
        await using var server = ServerProcess.StartBuilt(
            $"--Gym:Python:Executable={PythonTestPool.Interpreter}", "--Logging:Console:FormatterName=json");
        await server.WaitUntilServingAsync(StartTimeout);
        await ProbeAsync(server);
        await server.StopAsync();

        // Every line is one JSON object (the documented format for log shippers).
        var entries = server.Lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Contains(entries, entry => entry.GetProperty("Message").GetString()!.StartsWith("Gym TCP protocol listening", StringComparison.Ordinal));
        var warning = Assert.Single(entries, entry => entry.GetProperty("LogLevel").GetString() is "Warning" or "Error" or "Critical" &&
            entry.GetProperty("Message").GetString()!.Contains("Python", StringComparison.Ordinal));
        Assert.Equal("GymServer.Engine.Python.PythonWorkerPool", warning.GetProperty("Category").GetString());
        Assert.Equal("Warning", warning.GetProperty("LogLevel").GetString());
        Assert.StartsWith("Python envs unavailable: " + Reason, warning.GetProperty("Message").GetString(), StringComparison.Ordinal);
        // The reason is also a field of its own, for queries in a log store.
        Assert.StartsWith(Reason, warning.GetProperty("State").GetProperty("Reason").GetString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// What a load balancer, Prometheus and an administrator do after the start: probe health and readiness a few
    /// times and open the dashboard. Each gives the reason; none adds a line to the log.
    /// </summary>
    private static async Task ProbeAsync(ServerProcess server)
    {
        for (var probe = 0; probe < 3; probe++)
        {
            using var ready = await server.GetAsync("/readyz");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            var lines = (await ready.Content.ReadAsStringAsync()).Split('\n');
            Assert.Equal("Degraded", lines[0]);
            Assert.StartsWith("python-workers: Python envs unavailable: " + Reason, Assert.Single(lines[1..]), StringComparison.Ordinal);
            Assert.StartsWith("Degraded\npython: Python envs unavailable: " + Reason, await server.GetStringAsync("/healthz"), StringComparison.Ordinal);
        }
        var dashboard = WebUtility.HtmlDecode(await server.GetStringAsync("/"));
        Assert.Contains("Python envs unavailable: " + Reason, dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("restarting", dashboard, StringComparison.Ordinal);
    }

    private static bool IsWarningOrWorse(string line) =>
        line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal) ||
        line.StartsWith("crit:", StringComparison.Ordinal);
}
