using GymServer.Engine.Spaces;

namespace GymServer.Engine.Random;

/// <summary>
/// numpy's <c>Generator.integers</c> (Lemire's bounded method, as <c>endpoint=False</c> uses it) and
/// <c>choice</c>. numpy draws on the narrowest path for the dtype: 64-bit words for ranges beyond 32 bits, the
/// bit generator's shared <c>next_uint32</c> buffer for 32-bit ranges (so a scalar call can use the half word a
/// previous call left), and a 32-bit buffer local to one call for 16- and 8-bit dtypes.
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

    /// <summary><c>choice(n)</c>: an int64 in [0, n) (with replacement, no p: numpy draws <c>integers(0, n)</c>).</summary>
    public long Choice(long populationSize)
    {
        CheckPopulation(populationSize);
        return Integers(0, populationSize);
    }

    /// <summary><c>choice(n, size=k)</c> with replacement and no p.</summary>
    public void Choice(long populationSize, Span<long> destination)
    {
        CheckPopulation(populationSize);
        Integers(0, populationSize, destination);
    }

    /// <summary><c>choice(array)</c>: one element, picked as numpy picks it (Discrete's masked sample).</summary>
    public T Choice<T>(ReadOnlySpan<T> population)
    {
        CheckPopulation(population.Length);
        return population[(int)Integers(0, population.Length)];
    }

    private static void CheckPopulation(long populationSize)
    {
        if (populationSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(populationSize), populationSize, "choice: the population must not be empty");
        }
    }

    /// <summary>Checks [low, high) against the dtype's range as numpy does, and returns high - 1 - low.</summary>
    private static ulong ClosedRange(long low, long high, long min, long max, string dtypeName)
    {
        if (low < min)
        {
            throw new ArgumentOutOfRangeException(nameof(low), low, $"integers: low is out of bounds for {dtypeName}");
        }
        if (high - 1 > max)
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, $"integers: high is out of bounds for {dtypeName}");
        }
        if (high <= low)
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, $"integers: high must be greater than low ({low})");
        }
        return unchecked((ulong)(high - 1 - low));
    }

    // numpy's random_bounded_uint64 for one value: 32-bit ranges go to the 32-bit path.
    private ulong Bounded64(ulong range)
    {
        if (range <= uint.MaxValue)
        {
            return Bounded32((uint)range);
        }
        if (range == ulong.MaxValue)
        {
            return BitGenerator.NextUInt64();
        }
        var rangeExclusive = range + 1;
        var high = Math.BigMul(BitGenerator.NextUInt64(), rangeExclusive, out var leftover);
        if (leftover < rangeExclusive)
        {
            var threshold = (ulong.MaxValue - range) % rangeExclusive;
            while (leftover < threshold)
            {
                high = Math.BigMul(BitGenerator.NextUInt64(), rangeExclusive, out leftover);
            }
        }
        return high;
    }

    private uint Bounded32(uint range)
    {
        if (range == 0)
        {
            return 0;
        }
        if (range == uint.MaxValue)
        {
            return BitGenerator.NextUInt32();
        }
        var rangeExclusive = range + 1;
        var product = (ulong)BitGenerator.NextUInt32() * rangeExclusive;
        if ((uint)product < rangeExclusive)
        {
            var threshold = (uint.MaxValue - range) % rangeExclusive;
            while ((uint)product < threshold)
            {
                product = (ulong)BitGenerator.NextUInt32() * rangeExclusive;
            }
        }
        return (uint)(product >> 32);
    }

    private ushort Bounded16(ushort range, ref BitBuffer buffer)
    {
        if (range == 0)
        {
            return 0;
        }
        if (range == ushort.MaxValue)
        {
            return buffer.Next16(BitGenerator);
        }
        var rangeExclusive = (uint)range + 1;
        var product = buffer.Next16(BitGenerator) * rangeExclusive;
        if ((ushort)product < rangeExclusive)
        {
            var threshold = (uint)(ushort.MaxValue - range) % rangeExclusive;
            while ((ushort)product < threshold)
            {
                product = buffer.Next16(BitGenerator) * rangeExclusive;
            }
        }
        return (ushort)(product >> 16);
    }

    private byte Bounded8(byte range, ref BitBuffer buffer)
    {
        if (range == 0)
        {
            return 0;
        }
        if (range == byte.MaxValue)
        {
            return buffer.Next8(BitGenerator);
        }
        var rangeExclusive = (uint)range + 1;
        var product = buffer.Next8(BitGenerator) * rangeExclusive;
        if ((byte)product < rangeExclusive)
        {
            var threshold = (uint)(byte.MaxValue - range) % rangeExclusive;
            while ((byte)product < threshold)
            {
                product = buffer.Next8(BitGenerator) * rangeExclusive;
            }
        }
        return (byte)(product >> 8);
    }

    /// <summary>
    /// numpy's per-call buffer for 16- and 8-bit integers: one <c>next_uint32</c> word, used from its low bits up
    /// (two 16-bit values or four 8-bit values), then a fresh word.
    /// </summary>
    private struct BitBuffer
    {
        private uint _word;
        private int _left;

        public ushort Next16(Pcg64 bitGenerator)
        {
            if (_left == 0)
            {
                _word = bitGenerator.NextUInt32();
                _left = 1;
            }
            else
            {
                _word >>= 16;
                _left--;
            }
            return (ushort)_word;
        }

        public byte Next8(Pcg64 bitGenerator)
        {
            if (_left == 0)
            {
                _word = bitGenerator.NextUInt32();
                _left = 3;
            }
            else
            {
                _word >>= 8;
                _left--;
            }
            return (byte)_word;
        }
    }
}
