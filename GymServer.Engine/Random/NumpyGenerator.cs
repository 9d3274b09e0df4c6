using System.Numerics;

namespace GymServer.Engine.Random;

/// <summary>
/// numpy's <c>Generator</c> over <see cref="Pcg64"/>: the methods Gymnasium's envs and spaces call, drawing
/// exactly the bits numpy 1.24 draws, so the same seed gives the same numbers. Methods with a span write
/// <c>size=n</c> draws in numpy's order; none of them allocates.
/// </summary>
/// <remarks>
/// Split by concern: uniform doubles here, bounded integers and <c>choice</c> in NumpyGenerator.Integers.cs,
/// the ziggurat normal and exponential in NumpyGenerator.Ziggurat.cs.
/// </remarks>
public sealed partial class NumpyGenerator
{
    public NumpyGenerator(Pcg64 bitGenerator)
    {
        BitGenerator = bitGenerator;
    }

    public Pcg64 BitGenerator { get; }

    /// <summary>The seed the generator was made from, or the OS entropy drawn when none was given.</summary>
    public BigInteger SeedEntropy { get; private init; }

    /// <summary>
    /// Gymnasium's <c>seeding.np_random(seed)</c>: <c>Generator(PCG64(SeedSequence(seed)))</c>, with 128 bits of OS
    /// entropy when the seed is null, as numpy draws them. A negative seed is an error, as in numpy.
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
    public double Random() => BitGenerator.NextDouble();

    /// <summary><c>random(size=n)</c>.</summary>
    public void Random(Span<double> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = BitGenerator.NextDouble();
        }
    }

    /// <summary>
    /// <c>uniform(low, high)</c>: <c>low + (high - low) * random()</c> in float64, as numpy computes it.
    /// numpy refuses a range that is not finite (OverflowError); so does this.
    /// </summary>
    public double Uniform(double low, double high)
    {
        var range = CheckedRange(low, high);
        return low + (range * BitGenerator.NextDouble());
    }

    /// <summary><c>uniform(low, high, size=n)</c>: n draws in order.</summary>
    public void Uniform(double low, double high, Span<double> destination)
    {
        var range = CheckedRange(low, high);
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = low + (range * BitGenerator.NextDouble());
        }
    }

    /// <summary>
    /// <c>uniform(low=array, high=array)</c> with arrays of the destination's length (as Pendulum's reset and
    /// Box.sample call it). numpy checks every range before drawing any number.
    /// </summary>
    public void Uniform(ReadOnlySpan<double> low, ReadOnlySpan<double> high, Span<double> destination)
    {
        if (low.Length != destination.Length || high.Length != destination.Length)
        {
            throw new ArgumentException($"low ({low.Length}), high ({high.Length}) and destination ({destination.Length}) must have the same length");
        }
        for (var i = 0; i < destination.Length; i++)
        {
            CheckedRange(low[i], high[i]);
        }
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = low[i] + ((high[i] - low[i]) * BitGenerator.NextDouble());
        }
    }

    private static double CheckedRange(double low, double high)
    {
        var range = high - low;
        if (!double.IsFinite(range))
        {
            throw new OverflowException($"uniform: the range high - low = {high} - {low} is not finite");
        }
        return range;
    }

    private static BigInteger DrawOsEntropy()
    {
        Span<byte> bytes = stackalloc byte[16];
        System.Security.Cryptography.RandomNumberGenerator.Fill(bytes);
        return new BigInteger(bytes, isUnsigned: true);
    }
}
