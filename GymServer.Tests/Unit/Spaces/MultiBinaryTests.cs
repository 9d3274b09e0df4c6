using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol;

namespace GymServer.Tests.Unit.Spaces;

public sealed class MultiBinaryTests
{
    [Fact]
    public void Contains_only_zeros_and_ones()
    {
        var space = new MultiBinary(3);
        Assert.True(space.Contains(space.Value("[0, 1, 1]")));
        Assert.True(space.Contains(space.Value("[true, false, true]")));
        Assert.False(space.Contains(space.Value("[0, 2, 1]")));
        Assert.False(space.Contains(space.Value("[0, -1, 1]")));
        Assert.False(space.Contains(new byte[2]));
    }

    [Fact]
    public void Samples_are_bits_that_repeat_with_the_seed()
    {
        var space = new MultiBinary([2, 5]);
        var samples = space.Samples(seed: 1, n: 50);
        Assert.All(samples, sample => Assert.True(space.Contains(space.Value(sample))));
        Assert.Contains(samples, sample => sample.Contains('0'));
        Assert.Contains(samples, sample => sample.Contains('1'));
        Assert.Equal(samples, space.Samples(seed: 1, n: 50));
        Assert.NotEqual(samples, space.Samples(seed: 2, n: 50));
    }

    [Fact]
    public void Description_keeps_n_as_given()
    {
        Assert.Equal("""{"type":"MultiBinary","n":4}""", new MultiBinary(4).DescriptionJson());
        Assert.Equal("""{"type":"MultiBinary","n":[2,3]}""", new MultiBinary([2, 3]).DescriptionJson());
        Assert.Equal("[[0,1,0],[1,1,1]]", new MultiBinary([2, 3]).ValueJson([0, 1, 0, 1, 1, 1]));
    }

    [Fact]
    public void Invalid_spaces_and_values_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new MultiBinary(0));
        Assert.Throws<ArgumentException>(() => new MultiBinary([2, -1]));
        Assert.Throws<ArgumentException>(() => new MultiBinary(Array.Empty<int>()));
        Assert.Contains("expected 3 values", Assert.Throws<ProtocolException>(() => new MultiBinary(3).Value("[1, 0]")).Message);
        Assert.Contains("within int8", Assert.Throws<ProtocolException>(() => new MultiBinary(2).Value("[1, 300]")).Message);
    }
}
