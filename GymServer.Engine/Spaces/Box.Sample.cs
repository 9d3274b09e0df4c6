using GymServer.Protocol.Spaces;

namespace GymServer.Engine.Spaces;

/// <summary>
/// Gymnasium 1.4.0's <c>Box.sample()</c> (as 1.2's), draw for draw: normals for the unbounded elements, then exponentials
/// for those bounded below only, then for those bounded above only, then one uniform per bounded element, each
/// group in row-major order. The float64 result is floored and clipped for integer dtypes, then cast.
/// </summary>
public sealed partial class Box
{
    private enum SampleKind : byte
    {
        Unbounded,
        BoundedBelow,
        BoundedAbove,
        Bounded,
    }

    /// <summary>
    /// What sampling needs per element. Kinds: which draw; Low and High: the float64 bounds numpy's arithmetic sees
    /// (for integer dtypes Gymnasium samples below high + 1); UniformOverflows: numpy's uniform refuses an infinite
    /// range (a float64 Box of +-1.8e308 has one), so sample() fails, as there.
    /// </summary>
    private sealed record SamplingTables(SampleKind[] Kinds, double[] Low, double[] High, bool UniformOverflows);

    // Made at the first sample (an observation space may never be sampled); racing threads make equal tables.
    private SamplingTables? _sampling;

    public override void Sample(Span<byte> destination)
    {
        if (destination.Length != ByteSize)
        {
            throw new ArgumentException($"a sample of Box{ShapeText()} {DTypes.Name(DType)} takes {ByteSize} bytes, not {destination.Length}", nameof(destination));
        }
        var random = NpRandom;
        var (kinds, low, high, uniformOverflows) = _sampling ??= PrepareSampling();
        for (var i = 0; i < Count; i++)
        {
            if (kinds[i] == SampleKind.Unbounded)
            {
                Store(destination, i, random.Normal());
            }
        }
        for (var i = 0; i < Count; i++)
        {
            if (kinds[i] == SampleKind.BoundedBelow)
            {
                Store(destination, i, random.Exponential() + low[i]);
            }
        }
        for (var i = 0; i < Count; i++)
        {
            if (kinds[i] == SampleKind.BoundedAbove)
            {
                Store(destination, i, -random.Exponential() + high[i]);
            }
        }
        if (uniformOverflows)
        {
            throw new OverflowException($"Box{ShapeText()} {DTypes.Name(DType)}: the range high - low of a bounded element is not finite, so numpy cannot sample it");
        }
        for (var i = 0; i < Count; i++)
        {
            if (kinds[i] == SampleKind.Bounded)
            {
                Store(destination, i, low[i] + ((high[i] - low[i]) * random.Random()));
            }
        }
    }

    private SamplingTables PrepareSampling()
    {
        var kinds = new SampleKind[Count];
        var low = new double[Count];
        var high = new double[Count];
        var overflows = false;
        for (var i = 0; i < Count; i++)
        {
            kinds[i] = (_boundedBelow[i], _boundedAbove[i]) switch
            {
                (false, false) => SampleKind.Unbounded,
                (true, false) => SampleKind.BoundedBelow,
                (false, true) => SampleKind.BoundedAbove,
                _ => SampleKind.Bounded,
            };
            low[i] = _low[i];
            // Gymnasium: high.astype("int64") + 1, in int64 arithmetic (so it wraps as numpy's does).
            high[i] = _integer ? unchecked((long)(ulong)HighInteger(i) + 1) : _high[i];
            overflows |= kinds[i] == SampleKind.Bounded && !double.IsFinite(high[i] - low[i]);
        }
        return new SamplingTables(kinds, low, high, overflows);
    }

    private void Store(Span<byte> destination, int index, double sample)
    {
        switch (DType)
        {
            case DType.Float32:
            case DType.Float64:
                Elements.WriteDouble(destination, DType, index, sample);
                break;
            case DType.Bool:
                destination[index] = Math.Floor(sample) != 0 ? (byte)1 : (byte)0;
                break;
            case DType.Int64:
                // numpy's float64 -> int64 cast of an out-of-range value gives int64's minimum on x86-64; then
                // Gymnasium clips to the bounds again.
                var clipped = Math.Clamp(Math.Floor(sample), long.MinValue + 2, long.MaxValue - 2);
                var integer = clipped >= 9223372036854775808.0 ? long.MinValue : (long)clipped;
                Elements.WriteInteger(destination, DType, index, Int128.Clamp(integer, LowInteger(index), HighInteger(index)));
                break;
            case DType.UInt64:
                Elements.WriteInteger(destination, DType, index, CastToUInt64(Math.Clamp(Math.Floor(sample), 0, ulong.MaxValue)));
                break;
            default:
                var (min, max) = DTypes.IntegerLimits(DType);
                // Gymnasium 1.4.0 keeps signed samples two away from the dtype's limits (its main branch, after the
                // release, keeps that margin for int64 only; the box_int*_at_limits samples pin 1.4.0's).
                var margin = DTypes.IsSigned(DType) ? 2 : 0;
                Elements.WriteInteger(destination, DType, index, (Int128)Math.Clamp(Math.Floor(sample), (double)(min + margin), (double)(max - margin)));
                break;
        }
    }

    // C's double -> uint64 on x86-64 without AVX-512: values from 2^63 up are shifted down by 2^63, converted
    // signed and the top bit set back; 2^64 (the clip's rounded maximum) comes out as 0 that way.
    private static ulong CastToUInt64(double value) =>
        value < 9223372036854775808.0
            ? (ulong)value
            : value - 9223372036854775808.0 < 9223372036854775808.0
                ? (ulong)(long)(value - 9223372036854775808.0) ^ 0x8000_0000_0000_0000UL
                : 0UL;
}
