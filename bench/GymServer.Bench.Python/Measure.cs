using System.Diagnostics;
using GymServer.Engine.Environments;
using GymServer.Engine.Python;
using GymServer.Protocol.Values;

namespace GymServer.Bench.Python;

/// <summary>Latency percentiles in microseconds.</summary>
internal sealed record Latency(double P50, double P90, double P99);

/// <summary>The two measurements: single-step round trips, and steps per second with concurrent clients.</summary>
internal static class Measure
{
    private const int Warmup = 2000;

    public static async Task<Latency> RoundTripsAsync(PythonWorkerPool pool, int steps)
    {
        await using var env = await MakeAsync(pool);
        var observation = new byte[env.ObservationSpace.ByteSize];
        var info = new EnvInfo();
        var action = new byte[8];
        var samples = new double[steps];
        await env.ResetAsync(0, null, observation, info, CancellationToken.None);
        for (var i = 0; i < Warmup + steps; i++)
        {
            action[0] = (byte)(i % 2);
            var start = Stopwatch.GetTimestamp();
            var result = await env.StepAsync(action, observation, info, CancellationToken.None);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            if (i >= Warmup)
            {
                samples[i - Warmup] = elapsed;
            }
            if (result.Done)
            {
                await env.ResetAsync(null, null, observation, info, CancellationToken.None);
            }
        }
        Array.Sort(samples);
        return new Latency(Percentile(samples, 0.50), Percentile(samples, 0.90), Percentile(samples, 0.99));
    }

    /// <summary>Steps per second, and CPU microseconds per step spent by this process and by the workers.</summary>
    public static async Task<(double StepsPerSecond, double ServerCpu, double WorkerCpu)> ThroughputAsync(
        PythonWorkerPool pool, int clients, TimeSpan duration)
    {
        var envs = new List<PythonEnvInstance>();
        for (var i = 0; i < clients; i++)
        {
            envs.Add(await MakeAsync(pool));
        }
        using var stop = new CancellationTokenSource();
        var workers = pool.GetStatus().Workers.Select(worker => Process.GetProcessById(worker.Pid!.Value)).ToList();
        var serverCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var workerCpu = WorkerCpu(workers);
        var started = Stopwatch.GetTimestamp();
        var loops = envs.Select(env => Task.Run(() => StepUntilAsync(env, stop.Token))).ToList();
        stop.CancelAfter(duration);
        var counts = await Task.WhenAll(loops);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var steps = (double)counts.Sum();
        var serverMicros = (Process.GetCurrentProcess().TotalProcessorTime - serverCpu).TotalMicroseconds / steps;
        var workerMicros = (WorkerCpu(workers) - workerCpu).TotalMicroseconds / steps;
        foreach (var env in envs)
        {
            await env.DisposeAsync();
        }
        return (steps / elapsed, serverMicros, workerMicros);
    }

    private static TimeSpan WorkerCpu(List<Process> workers)
    {
        foreach (var worker in workers)
        {
            worker.Refresh();
        }
        return workers.Aggregate(TimeSpan.Zero, (sum, worker) => sum + worker.TotalProcessorTime);
    }

    private static async Task<long> StepUntilAsync(PythonEnvInstance env, CancellationToken stop)
    {
        var observation = new byte[env.ObservationSpace.ByteSize];
        var info = new EnvInfo();
        var action = new byte[8];
        long steps = 0;
        await env.ResetAsync(null, null, observation, info, CancellationToken.None);
        while (!stop.IsCancellationRequested)
        {
            action[0] = (byte)(steps % 2);
            var result = await env.StepAsync(action, observation, info, CancellationToken.None);
            steps++;
            if (result.Done)
            {
                await env.ResetAsync(null, null, observation, info, CancellationToken.None);
            }
        }
        return steps;
    }

    private static async Task<PythonEnvInstance> MakeAsync(PythonWorkerPool pool) =>
        (PythonEnvInstance)await new PythonEnvProvider(pool).MakeAsync("CartPole-v1", "bench", null, [], null, CancellationToken.None);

    private static double Percentile(double[] sorted, double fraction) => sorted[(int)Math.Round(fraction * (sorted.Length - 1))];
}
