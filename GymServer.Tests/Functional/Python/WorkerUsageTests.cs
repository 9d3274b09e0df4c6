using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using GymServer.Engine.Python;
using GymServer.Engine.Sessions;
using GymServer.Protocol.Values;
using GymServer.Tests.Functional.Dashboard;
using Microsoft.Extensions.DependencyInjection;

namespace GymServer.Tests.Functional.Python;

/// <summary>
/// Each worker's resident memory and CPU share, measured from /proc on real worker processes: a worker hosting an
/// env that holds 64 MiB and spins in every step stands out from an idle one, in the pool, /metrics and the page.
/// </summary>
[Collection(PythonWorkersCollection.Name)]
public sealed partial class WorkerUsageTests
{
    /// <summary>MiB the hog holds; its worker must show at least half of it above the idle one (RSS is not exact).</summary>
    private const int Ballast = 64;
    private const long MiB = 1 << 20;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TheBusyBloatedWorkerStandsOutFromTheIdleOne()
    {
        await using var pool = await PythonTestPool.StartAsync(workers: 2);
        await using var hog = await pool.MakeAsync("GymServerTest/Hog-v0", kwargs: Kwargs(Ballast));
        await hog.ResetAsync(null, null, new byte[hog.ObservationSpace.ByteSize], new EnvInfo(), CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var stepping = StepUntilStoppedAsync(hog, stop.Token);
        PythonWorkerStatus? hot = null;
        PythonWorkerStatus? idle = null;
        try
        {
            // Sampled as the dashboard samples, about once a second; a CPU share needs two samples.
            await PollAsync(() =>
            {
                pool.Pool.SampleUsage();
                var workers = pool.Pool.GetStatus().Workers;
                hot = workers.Single(worker => worker.Pid == hog.WorkerPid);
                idle = workers.Single(worker => worker.Pid != hog.WorkerPid);
                return Task.FromResult(hot.Usage?.CpuShare > idle.Usage?.CpuShare &&
                    hot.Usage?.ResidentBytes >= idle.Usage?.ResidentBytes + (Ballast / 2 * MiB));
            }, () => $"the hog's worker to use more CPU, and 32 MiB more memory, than the idle one (hog {hot}, idle {idle})");
        }
        finally
        {
            await stop.CancelAsync();
            await stepping;
        }
        Assert.InRange(hot!.Usage!.Value.CpuShare!.Value, 0.001, Environment.ProcessorCount);
        // The idle worker's figure is the kernel's own: /proc/<pid>/status VmRSS, which an idle process keeps.
        var kernel = VmRss(idle!.Pid!.Value);
        Assert.InRange(idle.Usage!.Value.ResidentBytes, kernel - MiB, kernel + MiB);
    }

    [Fact]
    public async Task MetricsAndTheDashboardShowEachWorkersUsage()
    {
        await using var server = GymServerFactory.With(new Dictionary<string, string?>
        {
            ["Gym:Python:Workers"] = "2",
            ["Gym:Python:Executable"] = PythonTestPool.Interpreter,
            ["Gym:Python:PythonPath:0"] = PythonTestPool.FakeGymDirectory,
            ["Gym:Python:Imports:0"] = "gymserver_testenvs",
        });
        var catalog = server.Services.GetRequiredService<EnvCatalog>();
        await using var hog = (PythonEnvInstance)await catalog.MakeAsync("GymServerTest/Hog-v0", Kwargs(Ballast), CancellationToken.None);
        var hotSlot = hog.WorkerSlot.ToString(CultureInfo.InvariantCulture);
        var idleSlot = (1 - hog.WorkerSlot).ToString(CultureInfo.InvariantCulture);
        using var http = new HttpClient { BaseAddress = server.HttpAddress };

        // The server samples on its own snapshot cadence, once a second: scrape until a sample taken since the make.
        var scraped = "";
        await PollAsync(async () =>
        {
            scraped = await http.GetStringAsync("/metrics");
            var metrics = new PrometheusText(scraped);
            return metrics.Has(CpuSeries(hotSlot)) && metrics.Has(CpuSeries(idleSlot)) &&
                metrics[MemorySeries(hotSlot)] >= metrics[MemorySeries(idleSlot)] + (Ballast / 2 * MiB) &&
                metrics["gymserver_python_workers_configured"] == 2;
        }, () => $"both workers' CPU share in /metrics, and the hog's worker 32 MiB above the other (hog in slot {hotSlot}):\n{scraped}");

        // The overview as a browser first receives it, prerendered from the latest snapshot: memory and CPU per worker.
        await PollAsync(async () =>
        {
            var page = WebUtility.HtmlDecode(await http.GetStringAsync("/"));
            return MemoryCell().Matches(page).Count == 2 && CpuCell().Matches(page).Count == 2;
        }, () => "memory and CPU of both workers on the overview");
    }

    private static string MemorySeries(string slot) => $"gymserver_python_worker_resident_bytes{{slot=\"{slot}\"}}";

    private static string CpuSeries(string slot) => $"gymserver_python_worker_cpu_ratio{{slot=\"{slot}\"}}";

    [GeneratedRegex("data-usage=\"memory\">[0-9.]+ MiB<")]
    private static partial Regex MemoryCell();

    [GeneratedRegex("data-usage=\"cpu\">[0-9]+%<")]
    private static partial Regex CpuCell();

    private static Dictionary<string, JsonElement> Kwargs(int megabytes) =>
        new() { ["megabytes"] = JsonSerializer.SerializeToElement(megabytes) };

    private static async Task StepUntilStoppedAsync(PythonEnvInstance env, CancellationToken stop)
    {
        var observation = new byte[env.ObservationSpace.ByteSize];
        var info = new EnvInfo();
        while (!stop.IsCancellationRequested)
        {
            await env.StepAsync(PythonEnvErrorTests.Action(0), observation, info, CancellationToken.None);
        }
    }

    /// <summary>The resident set the kernel reports in /proc/&lt;pid&gt;/status, in bytes.</summary>
    private static long VmRss(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").Single(line => line.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Asks <paramref name="condition"/> every 250 ms until it holds, or fails after the deadline.</summary>
    private static async Task PollAsync(Func<Task<bool>> condition, Func<string> what)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no {what()} within {Deadline.TotalSeconds} s");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }
}
