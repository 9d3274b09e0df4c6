namespace GymServer.LoadGen;

/// <summary>The result of one run: round trips per second over every connection, and their latencies.</summary>
public sealed record RunResult(int Connections, long RoundTrips, TimeSpan Elapsed, LatencyStats Latency, long Errors)
{
    public double PerSecond => RoundTrips / Elapsed.TotalSeconds;

    public double P50 => Latency.PercentileMicroseconds(50);

    public double P99 => Latency.PercentileMicroseconds(99);

    /// <summary>Several runs of the same connection count as one: their round trips and times added up.</summary>
    public static RunResult Combine(IReadOnlyList<RunResult> runs) => new(
        runs[0].Connections,
        runs.Sum(run => run.RoundTrips),
        TimeSpan.FromTicks(runs.Sum(run => run.Elapsed.Ticks)),
        LatencyStats.Merge(runs.Select(run => run.Latency)),
        runs.Sum(run => run.Errors));
}
