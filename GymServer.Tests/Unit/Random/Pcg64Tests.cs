using System.Numerics;
using GymServer.Engine.Random;

namespace GymServer.Tests.Unit.Random;

public sealed class Pcg64Tests
{
    [Fact]
    public void Next_uint32_gives_the_low_half_then_the_high_half_of_one_word()
    {
        var words = new Pcg64(new SeedSequence(7));
        var halves = new Pcg64(new SeedSequence(7));
        var word = words.NextUInt64();

        Assert.Equal((uint)word, halves.NextUInt32());
        Assert.True(halves.HasUInt32);
        Assert.Equal((uint)(word >> 32), halves.BufferedUInt32);
        Assert.Equal((uint)(word >> 32), halves.NextUInt32());
        Assert.False(halves.HasUInt32);
        Assert.Equal(words.State, halves.State);
    }

    [Fact]
    public void A_64_bit_draw_leaves_a_waiting_half_word_in_place()
    {
        var generator = new Pcg64(new SeedSequence(11));
        var low = generator.NextUInt32();
        _ = generator.NextUInt64();
        // numpy keeps has_uint32 across random_raw: the next next_uint32 is still the old high half.
        var reference = new Pcg64(new SeedSequence(11));
        var firstWord = reference.NextUInt64();
        Assert.Equal((uint)firstWord, low);
        Assert.Equal((uint)(firstWord >> 32), generator.NextUInt32());
    }

    [Fact]
    public void Next_double_is_the_top_53_bits_scaled()
    {
        var words = new Pcg64(new SeedSequence(3));
        var doubles = new Pcg64(new SeedSequence(3));
        for (var i = 0; i < 100; i++)
        {
            var expected = (words.NextUInt64() >> 11) / 9007199254740992.0;
            var actual = doubles.NextDouble();
            Assert.Equal(expected, actual);
            Assert.InRange(actual, 0.0, 1.0 - double.Epsilon);
        }
    }

    [Fact]
    public void Increment_is_odd_and_the_state_advances()
    {
        var generator = new Pcg64(new SeedSequence(BigInteger.Pow(2, 100)));
        Assert.True((generator.Increment & UInt128.One) == UInt128.One);
        var before = generator.State;
        generator.NextUInt64();
        Assert.NotEqual(before, generator.State);
    }
}
