using System.Diagnostics;

namespace GymServer.LoadGen;

/// <summary>What one connection does in a lockstep run: its setup, then one measured round trip at a time.</summary>
public interface ILockstepScript
{
    Task SetUpAsync(LineConnection connection);

    /// <summary>One round trip; returns its latency in ticks, or null when it is not counted (an episode reset).</summary>
    ValueTask<long?> RoundTripAsync(LineConnection connection, long index);
}

/// <summary>The result of one run: round trips per second over every connection, and their latencies.</summary>
public sealed record RunResult(int Connections, long RoundTrips, TimeSpan Elapsed, LatencyStats Latency, long Errors)
{
    public double PerSecond => RoundTrips / Elapsed.TotalSeconds;

    public double P50 => Latency.PercentileMicroseconds(50);

    public double P99 => Latency.PercentileMicroseconds(99);
}

/// <summary>
/// Runs N connections in lockstep (each sends its next request only after reading the reply to the last): a warm-up,
/// then a measured window.
/// </summary>
public static class LockstepRun
{
    public static async Task<RunResult> RunAsync(
        string host, int port, int connections, TimeSpan warmup, TimeSpan duration, Func<ILockstepScript> script)
    {
        var clients = new LineConnection[connections];
        var scripts = new ILockstepScript[connections];
        for (var i = 0; i < connections; i++)
        {
            clients[i] = await LineConnection.ConnectAsync(host, port);
            scripts[i] = script();
            await scripts[i].SetUpAsync(clients[i]);
        }
        try
        {
            var measuring = new StrongBox<bool>();
            using var stop = new CancellationTokenSource();
            var stats = Enumerable.Range(0, connections).Select(_ => new LatencyStats()).ToArray();
            var errors = new long[connections];
            var loops = Enumerable.Range(0, connections)
                .Select(i => Task.Run(() => LoopAsync(clients[i], scripts[i], stats[i], measuring, stop.Token)))
                .ToArray();

            await Task.Delay(warmup);
            var started = Stopwatch.GetTimestamp();
            Volatile.Write(ref measuring.Value, true);
            await Task.Delay(duration);
            Volatile.Write(ref measuring.Value, false);
            var elapsed = Stopwatch.GetElapsedTime(started);
            await stop.CancelAsync();
            await Task.WhenAll(loops);

            var merged = LatencyStats.Merge(stats);
            return new RunResult(connections, merged.Count, elapsed, merged, scripts.Sum(s => s is GymScript gym ? gym.Errors : 0));
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    private static async Task LoopAsync(LineConnection client, ILockstepScript script, LatencyStats stats, StrongBox<bool> measuring, CancellationToken stop)
    {
        long index = 0;
        while (!stop.IsCancellationRequested)
        {
            var latency = await script.RoundTripAsync(client, index++);
            if (latency is long ticks && Volatile.Read(ref measuring.Value))
            {
                stats.Add(ticks);
            }
        }
    }

    /// <summary>A mutable box, so loops can read the flag the runner sets.</summary>
    public sealed class StrongBox<T>
    {
        public T? Value;
    }
}
