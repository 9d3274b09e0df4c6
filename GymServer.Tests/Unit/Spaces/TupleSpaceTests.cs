using System.Numerics;
using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol;
using GymServer.Protocol.Spaces;
using GymServer.Tests.Infrastructure;

namespace GymServer.Tests.Unit.Spaces;

public sealed class TupleSpaceTests
{
    private static TupleSpace Blackjack() => new(new Discrete(32), new Discrete(11), new Discrete(2));

    [Fact]
    public void An_int_seed_gives_each_subspace_a_subseed_from_the_tuples_generator()
    {
        var tuple = Blackjack();
        tuple.Seed(0);
        // The subseeds are the tuple generator's first integers(2**31 - 1, size=3).
        var subseeds = new long[3];
        Engine.Random.NumpyGenerator.FromSeed(0).Integers(0, int.MaxValue, subseeds);
        var first = new Discrete(32);
        first.Seed(subseeds[0]);
        var expected = first.Samples(seed: null, n: 10);
        var sample = new byte[tuple.ByteSize];
        var actual = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            tuple.Sample(sample);
            actual.Add(tuple.Spaces[0].ValueJson(sample.AsSpan(tuple.ElementRange(0))));
        }
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void No_seed_leaves_the_tuples_own_generator_alone()
    {
        var tuple = Blackjack();
        tuple.Seed(5);
        var state = tuple.NpRandom.BitGenerator.State;
        tuple.Seed((BigInteger?)null);
        Assert.Equal(state, tuple.NpRandom.BitGenerator.State);
    }

    [Fact]
    public void A_list_of_seeds_seeds_each_subspace()
    {
        var tuple = Blackjack();
        tuple.Seed([1, 2, 3]);
        var third = new Discrete(2);
        third.Seed(3);
        var sample = new byte[tuple.ByteSize];
        tuple.Sample(sample);
        var expected = new byte[8];
        third.Sample(expected);
        Assert.Equal(expected, sample.AsSpan(tuple.ElementRange(2)).ToArray());
        Assert.Throws<ArgumentException>(() => tuple.Seed([1, 2]));
    }

    [Fact]
    public void Values_are_lists_of_the_subspace_values()
    {
        var tuple = new TupleSpace(new Discrete(3), new Box(0, 1, [2], DType.Float64));
        var value = tuple.Value("[2, [0.25, 1]]");
        Assert.Equal("[2,[0.25,1]]", tuple.ValueJson(value));
        Assert.True(tuple.Contains(value));
        Assert.False(tuple.Contains(tuple.Value("[3, [0.25, 1]]")));
        Assert.Contains("a list of 3", Assert.Throws<ProtocolException>(() => tuple.Value("[1, [0, 0], 2]")).Message);
        Assert.Contains("object", Assert.Throws<ProtocolException>(() => tuple.Value("{}")).Message);
    }

    [Fact]
    public void Sampling_a_composite_space_allocates_nothing()
    {
        var space = new TupleSpace(Blackjack(), DictSpace.Ordered(("m", new MultiBinary(9)), ("d", new MultiDiscrete([3, 4]))));
        space.Seed(1);
        var sample = new byte[space.ByteSize];
        space.Sample(sample);
        AllocationAssert.SteadyStateAllocatesNothing(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                space.Sample(sample);
            }
        });
    }
}
