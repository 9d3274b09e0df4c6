// Lockstep throughput of GymServer.Client on one connection: each request is sent after the last reply came.
// Usage: dotnet run -c Release --project clients/csharp/examples/ClientThroughput -- [host] [port] [seconds] [json]
// Prints single-env CartPole-v1 steps/s, then vector-env (16 sub-envs) env-steps/s in the chosen encoding.
using System.Diagnostics;
using GymServer.Client;

var host = args.Length > 0 ? args[0] : "127.0.0.1";
var port = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 4040;
var seconds = args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5;
// Binary frames when the server offers them (the client's default); "json" for JSON lines.
GymEncoding? encoding = args.Length > 3 && args[3] == "json" ? GymEncoding.Json : null;

await using var client = await GymClient.ConnectAsync(host, port, new GymClientOptions { Encoding = encoding });
await using var env = await client.MakeAsync("CartPole-v1");
await env.ResetAsync(seed: 0);
await Measure("single env", 1, async () =>
{
    var step = await env.StepAsync(0L);
    if (step.Terminated || step.Truncated)
    {
        await env.ResetAsync();
    }
});

const int NumEnvs = 16;
await using var vector = await client.MakeVecAsync("CartPole-v1", NumEnvs);
await vector.ResetAsync(seed: 0);
var actions = Enumerable.Repeat<object>(0L, NumEnvs).ToArray();
await Measure($"vector env x{NumEnvs} ({encoding})", NumEnvs, () => vector.StepAsync(actions));

async Task Measure(string name, int stepsPerCall, Func<Task> call)
{
    // Two seconds of warm-up, then the measured time: tiered JIT recompiles the hot path in the background, which
    // takes a while on a busy machine (the first second of a run can be several times slower than the rest).
    var warmup = Stopwatch.StartNew();
    while (warmup.Elapsed.TotalSeconds < 2)
    {
        await call();
    }
    var calls = 0;
    var clock = Stopwatch.StartNew();
    while (clock.Elapsed.TotalSeconds < seconds)
    {
        await call();
        calls++;
    }
    var rate = calls / clock.Elapsed.TotalSeconds;
    Console.WriteLine($"{name,-28} {rate,10:N0} calls/s {rate * stepsPerCall,12:N0} env-steps/s  ({1e6 / rate:F1} us per call)");
}
