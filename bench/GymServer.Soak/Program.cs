using System.Diagnostics;
using System.Globalization;
using System.Text;
using GymServer.Soak;

var options = SoakOptions.Parse(args);
var counters = new SoakCounters();
var pythonSessions = (int)Math.Round(options.Connections * options.PythonFraction);
var start = new TaskCompletionSource();
using var stop = new CancellationTokenSource();
Console.WriteLine($"soak: {options.Connections} connections ({pythonSessions} on Python envs), {options.Seconds} s, server pid {options.ServerPid}");

var rssAtStart = ServerProcess.RssKiB(options.ServerPid);
var sessions = new List<Task>();
for (var i = 0; i < options.Connections; i++)
{
    var python = i < pythonSessions;
    var env = python ? "python:CartPole-v1" : (i % 2 == 0 ? "CartPole-v1" : "Pendulum-v1");
    sessions.Add(new SoakSession(i, env, python, counters).RunAsync(options.Port, start.Task, stop.Token));
}
var rssConnected = ServerProcess.RssKiB(options.ServerPid);
var clock = Stopwatch.StartNew();
start.SetResult();
stop.CancelAfter(TimeSpan.FromSeconds(options.Seconds));

// Sample RSS every second; kill a random Python worker every KillEverySeconds.
var rss = new List<(double Seconds, long KiB)>();
var kills = new List<(double Seconds, int Pid)>();
var random = new Random(10);
using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1));
var nextKill = options.KillEverySeconds;
try
{
    while (await tick.WaitForNextTickAsync(stop.Token))
    {
        var now = clock.Elapsed.TotalSeconds;
        rss.Add((now, ServerProcess.RssKiB(options.ServerPid)));
        if (options.KillEverySeconds > 0 && now >= nextKill && now < options.Seconds - 5)
        {
            nextKill += options.KillEverySeconds;
            var workers = ServerProcess.PythonWorkers(options.ServerPid);
            if (workers.Count > 0)
            {
                var victim = workers[random.Next(workers.Count)];
                Process.GetProcessById(victim).Kill();
                kills.Add((now, victim));
                Console.WriteLine($"{now,6:F0} s: killed Python worker {victim} (of {workers.Count})");
            }
        }
        if (rss.Count % 10 == 0)
        {
            Console.WriteLine($"{now,6:F0} s: {counters.Steps} steps, RSS {rss[^1].KiB / 1024.0:F0} MiB, errors {counters.Errors.Values.Sum()}, worker_lost {counters.WorkerLost}");
        }
    }
}
catch (OperationCanceledException)
{
    // The run's time is up.
}
await Task.WhenAll(sessions);
var seconds = clock.Elapsed.TotalSeconds;

var report = new StringBuilder();
void Line(string text)
{
    Console.WriteLine(text);
    report.AppendLine(text);
}
var latency = counters.StepLatency;
Line(string.Create(CultureInfo.InvariantCulture, $"connections: {options.Connections} ({pythonSessions} Python, {options.Connections - pythonSessions} native), duration {seconds:F0} s"));
Line(string.Create(CultureInfo.InvariantCulture, $"steps: {counters.Steps} ({counters.Steps / seconds:F0}/s), resets {counters.Resets}"));
Line(string.Create(CultureInfo.InvariantCulture, $"step latency µs: p50 {latency.Quantile(0.5):F0}, p90 {latency.Quantile(0.9):F0}, p99 {latency.Quantile(0.99):F0}, p99.9 {latency.Quantile(0.999):F0}, max {latency.MaxMicroseconds:F0}"));
Line($"errors: {counters.Errors.Values.Sum()} {string.Join(", ", counters.Errors.Select(error => $"{error.Key}={error.Value}"))}; broken connections {counters.BrokenConnections}");
Line($"faults: {kills.Count} Python worker(s) killed; worker_lost seen {counters.WorkerLost} time(s), each by a Python session that then made its env again");
var peak = rss.Count > 0 ? rss.Max(sample => sample.KiB) : 0;
var firstThird = rss.Where(sample => sample.Seconds <= seconds / 3).Select(sample => sample.KiB).DefaultIfEmpty().Max();
var lastThird = rss.Where(sample => sample.Seconds >= seconds * 2 / 3).Select(sample => sample.KiB).DefaultIfEmpty().Max();
Line(string.Create(CultureInfo.InvariantCulture, $"server RSS MiB: before connecting {rssAtStart / 1024.0:F0}, connected {rssConnected / 1024.0:F0}, peak {peak / 1024.0:F0}, max of first third {firstThird / 1024.0:F0}, max of last third {lastThird / 1024.0:F0}"));
Line("RSS samples (s: MiB): " + string.Join(", ", rss.Where((_, i) => i % Math.Max(1, rss.Count / 20) == 0).Select(sample => string.Create(CultureInfo.InvariantCulture, $"{sample.Seconds:F0}: {sample.KiB / 1024.0:F0}"))));
if (options.Report is { } path)
{
    await File.WriteAllTextAsync(path, report.ToString());
}
return counters.Errors.IsEmpty && counters.BrokenConnections == 0 ? 0 : 1;
