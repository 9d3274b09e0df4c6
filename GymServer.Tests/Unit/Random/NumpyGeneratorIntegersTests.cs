using GymServer.Engine.Random;
using GymServer.Engine.Spaces;
using GymServer.Protocol.Spaces;

namespace GymServer.Tests.Unit.Random;

/// <summary>Bounded integers and choice; expected values are numpy 1.24.2's for Generator(PCG64(SeedSequence(5))).</summary>
public sealed class NumpyGeneratorIntegersTests
{
    [Fact]
    public void Int8_array_shares_one_32_bit_word_between_four_values()
    {
        var values = new sbyte[8];
        NumpyGenerator.FromSeed(5).Integers(0, 2, values);
        Assert.Equal(new sbyte[] { 1, 1, 1, 1, 1, 1, 0, 1 }, values);
    }

    [Fact]
    public void Int8_scalar_calls_each_start_a_fresh_word()
    {
        var generator = NumpyGenerator.FromSeed(5);
        var one = new sbyte[1];
        var values = new List<sbyte>();
        for (var i = 0; i < 8; i++)
        {
            generator.Integers(0, 2, one);
            values.Add(one[0]);
        }
        Assert.Equal(new sbyte[] { 1, 1, 1, 0, 1, 0, 0, 0 }, values);
    }

    [Fact]
    public void Uint8_full_range_and_int16_paths_match_numpy()
    {
        var bytes = new byte[6];
        NumpyGenerator.FromSeed(5).Integers(0, 256, bytes);
        Assert.Equal(new byte[] { 168, 229, 184, 171, 238, 171 }, bytes);

        var shorts = new short[6];
        NumpyGenerator.FromSeed(5).Integers(-1000, 1000, shorts);
        Assert.Equal(new short[] { 794, 341, 343, 609, 202, -955 }, shorts);
    }

    [Fact]
    public void Int64_ranges_beyond_32_bits_use_whole_words()
    {
        var values = new long[4];
        NumpyGenerator.FromSeed(5).Integers(-(1L << 62), 1L << 62, values);
        Assert.Equal([2813155438032089812, 2840252469062552826, 141353351165204192, -1975633561227918789], values);
    }

    [Fact]
    public void Choice_draws_integers_and_indexes()
    {
        var picks = new long[5];
        NumpyGenerator.FromSeed(5).Choice(10, picks);
        Assert.Equal([6, 8, 0, 8, 4], picks);

        var generator = NumpyGenerator.FromSeed(5);
        long[] population = [4, 8, 15, 16, 23, 42];
        Assert.Equal([23, 23, 4, 23, 15], Enumerable.Range(0, 5).Select(_ => generator.Choice<long>(population)).ToArray());
    }

    [Theory]
    [InlineData(DType.Int8)]
    [InlineData(DType.Int16)]
    [InlineData(DType.Int32)]
    [InlineData(DType.Int64)]
    [InlineData(DType.UInt8)]
    public void Dtype_scalar_stays_in_range(DType dtype)
    {
        var generator = NumpyGenerator.FromSeed(1);
        var seen = new HashSet<long>();
        for (var i = 0; i < 500; i++)
        {
            var value = generator.Integers(3, 10, dtype);
            Assert.InRange(value, 3, 9);
            seen.Add(value);
        }
        Assert.Equal(7, seen.Count);
    }

    [Fact]
    public void A_single_value_range_draws_nothing()
    {
        var generator = NumpyGenerator.FromSeed(2);
        var before = generator.BitGenerator.State;
        Assert.Equal(4, generator.Integers(4, 5));
        Assert.Equal(before, generator.BitGenerator.State);
    }

    [Fact]
    public void Bad_bounds_are_refused_with_numpy_reasons()
    {
        var generator = NumpyGenerator.FromSeed(0);
        Assert.Contains("greater than low", Assert.Throws<ArgumentOutOfRangeException>(() => generator.Integers(5, 5)).Message);
        Assert.Contains("greater than low", Assert.Throws<ArgumentOutOfRangeException>(() => generator.Integers(0)).Message);
        Assert.Contains("high is out of bounds for int8", Assert.Throws<ArgumentOutOfRangeException>(() => generator.Integers(0, 129, new sbyte[1])).Message);
        Assert.Contains("low is out of bounds for uint8", Assert.Throws<ArgumentOutOfRangeException>(() => generator.Integers(-1, 3, new byte[1])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => generator.Integers(0, 2, DType.Float32));
        Assert.Contains("must not be empty", Assert.Throws<ArgumentOutOfRangeException>(() => generator.Choice(0)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => generator.Choice(ReadOnlySpan<int>.Empty));
    }
}
