using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol;
using GymServer.Protocol.Spaces;

namespace GymServer.Tests.Unit.Spaces;

public sealed class DiscreteTests
{
    [Fact]
    public void Contains_the_n_integers_from_start()
    {
        var space = new Discrete(4, start: -2);
        Assert.Equal([false, true, true, true, true, false], Enumerable.Range(-3, 6).Select(v => space.Contains(v)));
        Assert.True(space.Contains(space.Value("1")));
        Assert.False(space.Contains(new byte[4]));
    }

    [Fact]
    public void Contains_does_not_overflow_near_the_int64_limits()
    {
        // value - start would wrap to a negative number here and pass "< n" (Gymnasium 1.4.0 fixed the same).
        var space = new Discrete(7, start: -3);
        Assert.False(space.Contains(long.MaxValue));
        Assert.False(space.Contains(long.MinValue));
        Assert.True(new Discrete(long.MaxValue, start: 0).Contains(long.MaxValue - 1));
        Assert.False(new Discrete(2, start: long.MaxValue - 1).Contains(long.MinValue));
    }

    [Fact]
    public void Samples_cover_the_space_and_repeat_with_the_seed()
    {
        var space = new Discrete(5, start: 10);
        var samples = space.Samples(seed: 3, n: 200);
        Assert.Equal(["10", "11", "12", "13", "14"], samples.Distinct().Order());
        Assert.Equal(samples, space.Samples(seed: 3, n: 200));
        Assert.NotEqual(samples, space.Samples(seed: 4, n: 200));
    }

    [Fact]
    public void Masked_samples_match_gymnasium()
    {
        // Gymnasium 1.2.2: Discrete(10, start=3), seed(7), sample(mask=[0,1,0,1,1,0,0,0,0,1]) ten times.
        var space = new Discrete(10, start: 3);
        space.Seed(7);
        sbyte[] mask = [0, 1, 0, 1, 1, 0, 0, 0, 0, 1];
        var buffer = new byte[8];
        var samples = new List<long>();
        for (var i = 0; i < 10; i++)
        {
            space.Sample(buffer, mask);
            samples.Add(Discrete.Read(buffer));
        }
        Assert.Equal([12, 7, 7, 12, 7, 12, 12, 4, 4, 6], samples);
    }

    [Fact]
    public void An_all_zero_mask_gives_start_without_drawing()
    {
        // Gymnasium 1.2.2: after seed(7), two all-zero masked samples give start, and sample() then gives 12.
        var space = new Discrete(10, start: 3);
        space.Seed(7);
        var buffer = new byte[8];
        space.Sample(buffer, new sbyte[10]);
        Assert.Equal(3, Discrete.Read(buffer));
        space.Sample(buffer, new sbyte[10]);
        space.Sample(buffer);
        Assert.Equal(12, Discrete.Read(buffer));
    }

    [Fact]
    public void Bad_masks_are_refused()
    {
        var space = new Discrete(3);
        Assert.Throws<ArgumentException>(() => space.Sample(new byte[8], new sbyte[2]));
        Assert.Throws<ArgumentException>(() => space.Sample(new byte[8], [0, 2, 1]));
    }

    [Fact]
    public void Description_names_the_dtype_only_when_it_is_not_int64()
    {
        Assert.Equal("""{"type":"Discrete","n":3,"start":1}""", new Discrete(3, 1).DescriptionJson());
        Assert.Equal("""{"type":"Discrete","n":3,"start":0,"dtype":"uint8"}""", new Discrete(3, dtype: DType.UInt8).DescriptionJson());
    }

    [Fact]
    public void Spaces_that_do_not_fit_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Discrete(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Discrete(256, dtype: DType.UInt8));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Discrete(10, start: 120, dtype: DType.Int8));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Discrete(2, dtype: DType.Float32));
    }

    [Theory]
    [InlineData("2", 2)]
    [InlineData("2.0", 2)]
    [InlineData("[2]", 2)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void Integers_are_read(string json, long expected)
    {
        Assert.Equal(expected, Discrete.Read(new Discrete(3).Value(json)));
    }

    [Theory]
    [InlineData("\"2\"")]
    [InlineData("2.5")]
    [InlineData("[1, 2]")]
    [InlineData("null")]
    [InlineData("9223372036854775808")]
    public void Anything_else_is_refused(string json)
    {
        var error = Assert.Throws<ProtocolException>(() => new Discrete(3).Value(json));
        Assert.Equal(EnvErrorCodes.InvalidAction, error.Code);
        Assert.Contains("expected an integer for Discrete(3)", error.Message);
    }
}
