using GymServer.Bench.Python;
using GymServer.Engine.Python;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// Usage: dotnet run -c Release --project bench/GymServer.Bench.Python -- [steps] [seconds per throughput run]
var steps = args.Length > 0 ? int.Parse(args[0]) : 20000;
var seconds = args.Length > 1 ? double.Parse(args[1]) : 3.0;
var root = BenchPaths.RepositoryRoot();
Console.WriteLine($"env CartPole-v1 (python/tests/fakegym), {Environment.ProcessorCount} cores, {steps} timed steps");

var inProcess = BenchPaths.RunInProcessPython(root, steps);
Console.WriteLine($"in-process Python step:   p50 {inProcess.P50,7:0.0} us  p90 {inProcess.P90,7:0.0} us  p99 {inProcess.P99,7:0.0} us");

await using (var pool = await StartPoolAsync(root, workers: 1))
{
    var latency = await Measure.RoundTripsAsync(pool, steps);
    Console.WriteLine($"through the pool step:    p50 {latency.P50,7:0.0} us  p90 {latency.P90,7:0.0} us  p99 {latency.P99,7:0.0} us");
    Console.WriteLine($"pool overhead at p50:     {latency.P50 - inProcess.P50,7:0.0} us");
}

Console.WriteLine($"throughput over {seconds:0.#} s, each client stepping its own env; CPU us per step (server + workers):");
Console.WriteLine("workers  clients    steps/s   server cpu  worker cpu");
foreach (var workers in new[] { 1, 4 })
{
    await using var pool = await StartPoolAsync(root, workers);
    foreach (var clients in new[] { 1, 4, 16 })
    {
        var (rate, server, worker) = await Measure.ThroughputAsync(pool, clients, TimeSpan.FromSeconds(seconds));
        Console.WriteLine($"{workers,7}  {clients,7}  {rate,9:0}  {server,9:0.0} us  {worker,8:0.0} us");
    }
}

static async Task<PythonWorkerPool> StartPoolAsync(string root, int workers)
{
    var options = new PythonOptions
    {
        Workers = workers,
        Executable = Environment.GetEnvironmentVariable("GYM_BENCH_PYTHON") ?? "/usr/bin/python3",
        PythonPath = [Path.Combine(root, "python", "tests", "fakegym")],
    };
    var pool = new PythonWorkerPool(Options.Create(options), NullLogger<PythonWorkerPool>.Instance);
    await pool.StartAsync(CancellationToken.None);
    if (pool.State != PythonPoolState.Ready)
    {
        throw new InvalidOperationException($"the pool did not start: {pool.GetStatus().Reason}");
    }
    return pool;
}
