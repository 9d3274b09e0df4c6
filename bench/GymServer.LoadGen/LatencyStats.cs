using System.Diagnostics;

namespace GymServer.LoadGen;

/// <summary>Round-trip latencies of one measured run, and its throughput.</summary>
public sealed class LatencyStats
{
    private readonly List<long> _ticks = new(1 << 16);

    public long Count => _ticks.Count;

    public void Add(long ticks) => _ticks.Add(ticks);

    public static LatencyStats Merge(IEnumerable<LatencyStats> parts)
    {
        var all = new LatencyStats();
        foreach (var part in parts)
        {
            all._ticks.AddRange(part._ticks);
        }
        all._ticks.Sort();
        return all;
    }

    /// <summary>The percentile in microseconds (the list must be sorted: see <see cref="Merge"/>).</summary>
    public double PercentileMicroseconds(double percentile)
    {
        if (_ticks.Count == 0)
        {
            return double.NaN;
        }
        var index = (int)Math.Clamp(Math.Ceiling(percentile / 100 * _ticks.Count) - 1, 0, _ticks.Count - 1);
        return _ticks[index] * 1_000_000.0 / Stopwatch.Frequency;
    }
}
