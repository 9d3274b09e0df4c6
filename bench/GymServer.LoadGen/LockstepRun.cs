using System.Diagnostics;

namespace GymServer.LoadGen;

/// <summary>
/// Runs N connections in lockstep (each sends its next request only after reading the reply to the last), one
/// thread each: a warm-up, then a measured window.
/// </summary>
public static class LockstepRun
{
    public static RunResult Run(string host, int port, int connections, TimeSpan warmup, TimeSpan duration, Func<ILockstepScript> script)
    {
        var clients = new LineConnection[connections];
        var scripts = new ILockstepScript[connections];
        try
        {
            for (var i = 0; i < connections; i++)
            {
                clients[i] = LineConnection.Connect(host, port);
                scripts[i] = script();
                scripts[i].SetUp(clients[i]);
            }
            var state = new RunState();
            var stats = Enumerable.Range(0, connections).Select(_ => new LatencyStats()).ToArray();
            var threads = Enumerable.Range(0, connections)
                .Select(i => new Thread(() => Loop(clients[i], scripts[i], stats[i], state)) { IsBackground = true })
                .ToArray();
            foreach (var thread in threads)
            {
                thread.Start();
            }

            Thread.Sleep(warmup);
            var started = Stopwatch.GetTimestamp();
            Volatile.Write(ref state.Measuring, true);
            Thread.Sleep(duration);
            Volatile.Write(ref state.Measuring, false);
            var elapsed = Stopwatch.GetElapsedTime(started);
            Volatile.Write(ref state.Stop, true);
            foreach (var thread in threads)
            {
                thread.Join();
            }

            var merged = LatencyStats.Merge(stats);
            return new RunResult(connections, merged.Count, elapsed, merged, scripts.Sum(s => s.Errors));
        }
        finally
        {
            foreach (var client in clients)
            {
                client?.Dispose();
            }
        }
    }

    private static void Loop(LineConnection client, ILockstepScript script, LatencyStats stats, RunState state)
    {
        long index = 0;
        while (!Volatile.Read(ref state.Stop))
        {
            var ticks = script.RoundTrip(client, index++);
            if (Volatile.Read(ref state.Measuring))
            {
                stats.Add(ticks);
            }
        }
    }

    private sealed class RunState
    {
        public bool Measuring;
        public bool Stop;
    }
}
