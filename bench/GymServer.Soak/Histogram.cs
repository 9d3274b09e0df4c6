namespace GymServer.Soak;

/// <summary>Step latencies in logarithmic buckets (about 1 % wide) from 1 µs to 100 s; thread-safe, no allocation.</summary>
public sealed class Histogram
{
    private const double BucketsPerE = 100;
    private readonly long[] _counts = new long[(int)(Math.Log(100e6) * BucketsPerE) + 2];
    private long _max;

    public long Count => _counts.Sum();

    public void Record(double microseconds)
    {
        var index = microseconds <= 1 ? 0 : Math.Min(_counts.Length - 1, (int)(Math.Log(microseconds) * BucketsPerE) + 1);
        Interlocked.Increment(ref _counts[index]);
        var rounded = (long)microseconds;
        long max;
        while (rounded > (max = Interlocked.Read(ref _max)) && Interlocked.CompareExchange(ref _max, rounded, max) != max)
        {
        }
    }

    public double MaxMicroseconds => Interlocked.Read(ref _max);

    /// <summary>The upper edge of the bucket holding the given quantile, in microseconds.</summary>
    public double Quantile(double q)
    {
        var total = Count;
        var target = (long)Math.Ceiling(total * q);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen >= target && seen > 0)
            {
                return i == 0 ? 1 : Math.Exp(i / BucketsPerE);
            }
        }
        return MaxMicroseconds;
    }
}
