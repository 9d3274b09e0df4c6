using System.Diagnostics;
using System.Globalization;
using GymServer.ClusterBench;

// Usage: --ports 4041,4042 --connections 16 --seconds 6 --env CartPole-v1
// Every port gets that many lockstep connections (protocol 2, one env each); all run at once.
var options = BenchOptions.Parse(args);
var clients = options.Ports
    .SelectMany(port => Enumerable.Range(0, options.Connections).Select(_ => port))
    .Select(port => LockstepClient.Open(port, options.EnvId))
    .ToList();
using var stop = new CancellationTokenSource();
var threads = clients.Select(client => new Thread(() => client.Run(stop.Token)) { IsBackground = true }).ToList();
threads.ForEach(thread => thread.Start());
Thread.Sleep(options.Warmup);
clients.ForEach(client => client.StartMeasuring());
var clock = Stopwatch.StartNew();
Thread.Sleep(options.Duration);
var elapsed = clock.Elapsed;
stop.Cancel();
threads.ForEach(thread => thread.Join());

var latencies = clients.SelectMany(client => client.Latencies).Order().ToArray();
var steps = latencies.Length;
string Percentile(double p) => latencies.Length == 0
    ? "-"
    : (latencies[Math.Min(latencies.Length - 1, (int)(p * latencies.Length))] * 1e6 / Stopwatch.Frequency).ToString("N1", CultureInfo.InvariantCulture);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"ports {string.Join(',', options.Ports)} connections {clients.Count}: {steps / elapsed.TotalSeconds:N0} steps/s p50 {Percentile(0.5)} us p99 {Percentile(0.99)} us"));
clients.ForEach(client => client.Dispose());
