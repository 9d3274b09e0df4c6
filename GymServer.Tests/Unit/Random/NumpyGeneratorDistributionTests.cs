using System.Security.Cryptography;
using GymServer.Engine.Random;

namespace GymServer.Tests.Unit.Random;

/// <summary>Normal, exponential and uniform against numpy 1.24.2 (Generator(PCG64(SeedSequence(seed)))).</summary>
public sealed class NumpyGeneratorDistributionTests
{
    [Fact]
    public void Hundred_thousand_standard_normals_hash_as_numpys()
    {
        // numpy: sha256(Generator(PCG64(SeedSequence(3))).standard_normal(100000).tobytes()). About 0.7% of draws
        // take the ziggurat's slow paths (wedges, and the tail through log1p), so those are covered too.
        var values = new double[100_000];
        NumpyGenerator.FromSeed(3).StandardNormal(values);
        Assert.Equal("8a9a041904cd9770cec1ac51088080b186e7004510675ddb164612181ba5b517", Sha256(values));
    }

    [Fact]
    public void Hundred_thousand_standard_exponentials_hash_as_numpys()
    {
        var values = new double[100_000];
        NumpyGenerator.FromSeed(3).StandardExponential(values);
        Assert.Equal("688831bea0a3144d79a82ec9b026cebdb746edd4a0d9e9cbb094756807a292e8", Sha256(values));
    }

    [Fact]
    public void Normal_and_exponential_scale_as_numpy()
    {
        var generator = NumpyGenerator.FromSeed(5);
        Assert.Equal([-0.4057942757603423, -1.973076986884435, 1.2549151337142543], Enumerable.Range(0, 3).Select(_ => generator.Normal(2.0, 3.0)));
        generator = NumpyGenerator.FromSeed(5);
        Assert.Equal([0.9933349880062222, 0.3750957159984951, 0.650676950799214], Enumerable.Range(0, 3).Select(_ => generator.Exponential(0.5)));
    }

    [Fact]
    public void Span_forms_draw_what_scalar_calls_draw()
    {
        var scalar = NumpyGenerator.FromSeed(8);
        var expected = Enumerable.Range(0, 50).Select(_ => scalar.Normal(1, 2)).Concat(Enumerable.Range(0, 50).Select(_ => scalar.Exponential(3))).ToArray();
        var vectorised = NumpyGenerator.FromSeed(8);
        var actual = new double[100];
        vectorised.Normal(1, 2, actual.AsSpan(0, 50));
        vectorised.Exponential(3, actual.AsSpan(50));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Negative_scales_and_infinite_ranges_are_refused()
    {
        var generator = NumpyGenerator.FromSeed(0);
        Assert.Throws<ArgumentOutOfRangeException>(() => generator.Normal(0, -1));
        // numpy tests the sign bit: -0.0 is refused too, NaN is not.
        Assert.Throws<ArgumentOutOfRangeException>(() => generator.Exponential(-0.0));
        Assert.True(double.IsNaN(generator.Exponential(double.NaN)));
        Assert.Throws<OverflowException>(() => generator.Uniform(-double.MaxValue, double.MaxValue));
        Assert.Throws<OverflowException>(() => generator.Uniform(0, double.PositiveInfinity));
        var before = generator.BitGenerator.State;
        Assert.Throws<OverflowException>(() => generator.Uniform([0.0, 0.0], [1.0, double.NaN], new double[2]));
        Assert.Equal(before, generator.BitGenerator.State);
    }

    [Fact]
    public void Drawing_allocates_nothing()
    {
        var generator = NumpyGenerator.FromSeed(1);
        Span<double> doubles = stackalloc double[16];
        Span<long> longs = stackalloc long[16];
        Span<sbyte> bytes = stackalloc sbyte[16];
        Draw(generator, doubles, longs, bytes);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            Draw(generator, doubles, longs, bytes);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void Draw(NumpyGenerator generator, Span<double> doubles, Span<long> longs, Span<sbyte> bytes)
    {
        generator.Random(doubles);
        generator.Uniform(-1, 1, doubles);
        generator.StandardNormal(doubles);
        generator.Normal(0, 2, doubles);
        generator.StandardExponential(doubles);
        generator.Integers(0, 500, longs);
        generator.Integers(0, 2, bytes);
        generator.Choice(7, longs);
        _ = generator.Integers(3) + generator.Integers(0, 1L << 40) + generator.Normal() + generator.Uniform(0, 1);
    }

    private static string Sha256(double[] values)
    {
        var bytes = new byte[values.Length * sizeof(double)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
