using System.Numerics;
using GymServer.Engine.Random;

namespace GymServer.Tests.Unit.Random;

public sealed class SeedSequenceTests
{
    [Theory]
    [InlineData("0", new uint[] { 0 })]
    [InlineData("4294967295", new uint[] { 4294967295 })]
    [InlineData("4294967296", new uint[] { 0, 1 })]
    [InlineData("18446744073709551621", new uint[] { 5, 0, 1 })]
    public void Entropy_splits_into_little_endian_words(string value, uint[] expected)
    {
        Assert.Equal(expected, SeedSequence.ToUInt32Words(BigInteger.Parse(value)));
    }

    [Fact]
    public void Entropy_beyond_the_pool_is_mixed_in_as_numpy_mixes_it()
    {
        // numpy 1.24.2: SeedSequence(2**200 + 12345), seven entropy words for a four-word pool.
        var sequence = new SeedSequence(BigInteger.Pow(2, 200) + 12345);
        Assert.Equal([1578158438u, 104462638u, 2959420289u, 1845150323u], sequence.Pool.ToArray());
        Assert.Equal([5188473266492889640ul, 1782550200721783414ul], sequence.GenerateState64(2));
    }

    [Fact]
    public void Span_and_array_forms_agree()
    {
        var sequence = new SeedSequence(42);
        Span<ulong> words = stackalloc ulong[3];
        sequence.GenerateState64(words);
        Assert.Equal(sequence.GenerateState64(3), words.ToArray());
        Span<uint> halves = stackalloc uint[6];
        sequence.GenerateState32(halves);
        Assert.Equal(sequence.GenerateState32(6), halves.ToArray());
    }

    [Fact]
    public void A_negative_seed_is_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SeedSequence(-1));
        Assert.Contains("non-negative", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => NumpyGenerator.FromSeed(-5));
    }

    [Fact]
    public void Different_seeds_give_different_pools()
    {
        Assert.NotEqual(new SeedSequence(1).Pool.ToArray(), new SeedSequence(2).Pool.ToArray());
        Assert.Equal(new SeedSequence(9).Pool.ToArray(), new SeedSequence(9).Pool.ToArray());
    }
}
