namespace GymServer.LoadGen;

/// <summary>The result of one run: round trips per second over every connection, and their latencies.</summary>
public sealed record RunResult(int Connections, long RoundTrips, TimeSpan Elapsed, LatencyStats Latency, long Errors)
{
    public double PerSecond => RoundTrips / Elapsed.TotalSeconds;

    public double P50 => Latency.PercentileMicroseconds(50);

    public double P99 => Latency.PercentileMicroseconds(99);
}
