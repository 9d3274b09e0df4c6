namespace GymServer.Engine.Random;

/// <summary>
/// numpy's bounded integer cores (Lemire's method, as <c>endpoint=False</c> uses it), one per width, each giving
/// a value in [0, range]. numpy draws on the narrowest path for the dtype: 64-bit words for ranges beyond 32 bits,
/// the bit generator's shared <c>next_uint32</c> buffer for 32-bit ranges (so a scalar call can use the half word
/// a previous call left), and a 32-bit buffer local to one call for 16- and 8-bit dtypes.
/// </summary>
public sealed partial class NumpyGenerator
{
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
