using System.Numerics;

namespace GymServer.Engine.Random;

/// <summary>
/// numpy's <c>Generator</c> over <see cref="Pcg64"/>: the methods Gymnasium's envs and spaces call, drawing
/// exactly the bits numpy draws, so the same seed gives the same numbers.
/// </summary>
public sealed partial class NumpyGenerator
{
    private const double TwoPow53Inverse = 1.0 / 9007199254740992.0;

    public NumpyGenerator(Pcg64 bitGenerator)
    {
        BitGenerator = bitGenerator;
    }

    public Pcg64 BitGenerator { get; }

    /// <summary>The seed the generator was made from, or the OS entropy drawn when none was given.</summary>
    public BigInteger SeedEntropy { get; private init; }

    /// <summary>
    /// Gymnasium's <c>seeding.np_random(seed)</c>: <c>Generator(PCG64(SeedSequence(seed)))</c>, with 128 bits of OS
    /// entropy when the seed is null, as numpy draws them.
    /// </summary>
    public static NumpyGenerator FromSeed(BigInteger? seed)
    {
        var entropy = seed ?? DrawOsEntropy();
        return new NumpyGenerator(new Pcg64(new SeedSequence(entropy))) { SeedEntropy = entropy };
    }

    /// <summary>numpy's <c>random_raw()</c>.</summary>
    public ulong NextUInt64() => BitGenerator.NextUInt64();

    /// <summary>numpy's buffered <c>next_uint32</c>.</summary>
    public uint NextUInt32() => BitGenerator.NextUInt32();

    /// <summary><c>random()</c>: 53 random bits scaled into [0, 1).</summary>
    public double Random() => (BitGenerator.NextUInt64() >> 11) * TwoPow53Inverse;

    /// <summary><c>uniform(low, high)</c>: <c>low + (high - low) * random()</c>, in float64 as numpy computes it.</summary>
    public double Uniform(double low, double high) => low + ((high - low) * Random());

    /// <summary><c>uniform(low, high, size=n)</c>: n draws in order.</summary>
    public void Uniform(double low, double high, Span<double> destination)
    {
        var range = high - low;
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = low + (range * Random());
        }
    }

    /// <summary><c>integers(high)</c>: a scalar int64 in [0, high).</summary>
    public long Integers(long high) => Integers(0, high);

    /// <summary><c>integers(low, high)</c>: a scalar int64 in [low, high), on numpy's bounded int64 paths.</summary>
    public long Integers(long low, long high)
    {
        Span<long> one = stackalloc long[1];
        Integers(low, high, one);
        return one[0];
    }

    /// <summary>
    /// <c>integers(low, high, size=n)</c> with dtype int64. The 32-bit buffer lives for one call, as numpy's does:
    /// a scalar call draws a fresh 64-bit word and uses its low half.
    /// </summary>
    public void Integers(long low, long high, Span<long> destination)
    {
        if (high <= low)
        {
            throw new ArgumentOutOfRangeException(nameof(high), "high <= low");
        }
        var range = (ulong)(high - low) - 1;
        if (range == 0)
        {
            destination.Fill(low);
            return;
        }
        if (range <= uint.MaxValue)
        {
            var buffer = new UInt32Buffer();
            for (var i = 0; i < destination.Length; i++)
            {
                destination[i] = low + (range == uint.MaxValue
                    ? buffer.Next(BitGenerator)
                    : BoundedLemire32(ref buffer, (uint)range));
            }
            return;
        }
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = unchecked(low + (long)(range == ulong.MaxValue ? NextUInt64() : BoundedLemire64(range)));
        }
    }

    private uint BoundedLemire32(ref UInt32Buffer buffer, uint range)
    {
        var rangeExclusive = range + 1;
        var product = (ulong)buffer.Next(BitGenerator) * rangeExclusive;
        var leftover = (uint)product;
        if (leftover < rangeExclusive)
        {
            var threshold = (uint.MaxValue - range) % rangeExclusive;
            while (leftover < threshold)
            {
                product = (ulong)buffer.Next(BitGenerator) * rangeExclusive;
                leftover = (uint)product;
            }
        }
        return (uint)(product >> 32);
    }

    private ulong BoundedLemire64(ulong range)
    {
        var rangeExclusive = range + 1;
        var product = (UInt128)NextUInt64() * rangeExclusive;
        var leftover = (ulong)product;
        if (leftover < rangeExclusive)
        {
            var threshold = (ulong.MaxValue - range) % rangeExclusive;
            while (leftover < threshold)
            {
                product = (UInt128)NextUInt64() * rangeExclusive;
                leftover = (ulong)product;
            }
        }
        return (ulong)(product >> 64);
    }

    private static BigInteger DrawOsEntropy()
    {
        Span<byte> bytes = stackalloc byte[17];
        System.Security.Cryptography.RandomNumberGenerator.Fill(bytes[..16]);
        bytes[16] = 0; // keep it non-negative
        return new BigInteger(bytes, isUnsigned: true);
    }

    /// <summary>numpy's per-call <c>buffered_uint32</c>: two 32-bit values from each 64-bit word, low half first.</summary>
    private struct UInt32Buffer
    {
        private ulong _word;
        private bool _hasHigh;

        public uint Next(Pcg64 bitGenerator)
        {
            if (_hasHigh)
            {
                _hasHigh = false;
                return (uint)(_word >> 32);
            }
            _word = bitGenerator.NextUInt64();
            _hasHigh = true;
            return (uint)_word;
        }
    }
}
