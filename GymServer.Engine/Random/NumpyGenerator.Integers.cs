using GymServer.Engine.Spaces;
using GymServer.Protocol.Spaces;

namespace GymServer.Engine.Random;

/// <summary>
/// numpy's <c>Generator.integers</c> for each dtype: bounds checked as numpy checks them, values drawn by the
/// bounded cores in NumpyGenerator.Bounded.cs.
/// </summary>
public sealed partial class NumpyGenerator
{
    /// <summary><c>integers(high)</c>: a scalar int64 in [0, high).</summary>
    public long Integers(long high) => Integers(0, high);

    /// <summary><c>integers(low, high)</c>: a scalar int64 in [low, high).</summary>
    public long Integers(long low, long high)
    {
        var range = ClosedRange(low, high, long.MinValue, long.MaxValue, "int64");
        return unchecked(low + (long)Bounded64(range));
    }

    /// <summary><c>integers(low, high, size=n)</c> with dtype int64.</summary>
    public void Integers(long low, long high, Span<long> destination)
    {
        var range = ClosedRange(low, high, long.MinValue, long.MaxValue, "int64");
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = unchecked(low + (long)Bounded64(range));
        }
    }

    /// <summary><c>integers(low, high, size=n, dtype=np.int32)</c>.</summary>
    public void Integers(int low, int high, Span<int> destination)
    {
        var range = (uint)ClosedRange(low, high, int.MinValue, int.MaxValue, "int32");
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = unchecked(low + (int)Bounded32(range));
        }
    }

    /// <summary><c>integers(low, high, size=n, dtype=np.int16)</c>.</summary>
    public void Integers(int low, int high, Span<short> destination)
    {
        var range = (ushort)ClosedRange(low, high, short.MinValue, short.MaxValue, "int16");
        var buffer = default(BitBuffer);
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = unchecked((short)(low + Bounded16(range, ref buffer)));
        }
    }

    /// <summary><c>integers(low, high, size=n, dtype=np.int8)</c>, as MultiBinary samples.</summary>
    public void Integers(int low, int high, Span<sbyte> destination)
    {
        var range = (byte)ClosedRange(low, high, sbyte.MinValue, sbyte.MaxValue, "int8");
        var buffer = default(BitBuffer);
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = unchecked((sbyte)(low + Bounded8(range, ref buffer)));
        }
    }

    /// <summary><c>integers(low, high, size=n, dtype=np.uint8)</c>.</summary>
    public void Integers(int low, int high, Span<byte> destination)
    {
        var range = (byte)ClosedRange(low, high, byte.MinValue, byte.MaxValue, "uint8");
        var buffer = default(BitBuffer);
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = unchecked((byte)(low + Bounded8(range, ref buffer)));
        }
    }

    /// <summary>
    /// A scalar <c>integers(low, high, dtype=dtype)</c> for any integer dtype whose values fit in an int64, drawn on
    /// that dtype's path (Discrete spaces with a dtype sample this way).
    /// </summary>
    public long Integers(long low, long high, DType dtype)
    {
        var (min, max) = DTypes.IntegerRange(dtype);
        var range = ClosedRange(low, high, min, max, DTypes.Name(dtype));
        var buffer = default(BitBuffer);
        return unchecked(low + DTypes.SizeOf(dtype) switch
        {
            1 => Bounded8((byte)range, ref buffer),
            2 => Bounded16((ushort)range, ref buffer),
            4 => Bounded32((uint)range),
            _ => (long)Bounded64(range),
        });
    }

    /// <summary>Checks [low, high) against the dtype's range as numpy does, and returns high - 1 - low.</summary>
    private static ulong ClosedRange(long low, long high, long min, long max, string dtypeName)
    {
        if (low < min)
        {
            throw new ArgumentOutOfRangeException(nameof(low), low, $"integers: low is out of bounds for {dtypeName}");
        }
        if ((Int128)high - 1 > max)
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, $"integers: high is out of bounds for {dtypeName}");
        }
        if (high <= low)
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, $"integers: high must be greater than low ({low})");
        }
        return unchecked((ulong)(high - 1 - low));
    }
}
