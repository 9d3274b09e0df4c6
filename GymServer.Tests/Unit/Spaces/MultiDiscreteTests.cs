using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol;
using GymServer.Protocol.Spaces;

namespace GymServer.Tests.Unit.Spaces;

public sealed class MultiDiscreteTests
{
    private static readonly MultiDiscrete Grid = new([2, 3, 4, 500], start: [-1, 0, 5, 6], shape: [2, 2]);

    [Fact]
    public void Contains_checks_each_element_against_its_start_and_count()
    {
        Assert.True(Grid.Contains(Grid.Value("[[-1, 2], [8, 505]]")));
        Assert.True(Grid.Contains(Grid.Value("[[0, 0], [5, 6]]")));
        Assert.False(Grid.Contains(Grid.Value("[[1, 0], [5, 6]]")));
        Assert.False(Grid.Contains(Grid.Value("[[0, 0], [4, 6]]")));
        Assert.False(Grid.Contains(Grid.Value("[[0, 0], [5, 506]]")));
    }

    [Fact]
    public void Samples_stay_inside_and_cover_every_value()
    {
        var space = new MultiDiscrete([3, 1, 2]);
        space.Seed(0);
        var seen = new HashSet<string>();
        var sample = new byte[space.ByteSize];
        for (var i = 0; i < 300; i++)
        {
            space.Sample(sample);
            Assert.True(space.Contains(sample));
            seen.Add(space.ValueJson(sample));
        }
        Assert.Equal(6, seen.Count);
        Assert.Equal(Grid.Samples(seed: 5, n: 20), Grid.Samples(seed: 5, n: 20));
        Assert.NotEqual(Grid.Samples(seed: 5, n: 20), Grid.Samples(seed: 6, n: 20));
    }

    [Fact]
    public void Description_nests_nvec_and_start_by_shape()
    {
        Assert.Equal(
            """{"type":"MultiDiscrete","nvec":[[2,3],[4,500]],"start":[[-1,0],[5,6]],"dtype":"int64"}""",
            Grid.DescriptionJson());
        Assert.Equal(Grid.DescriptionJson(), Space.Parse(Grid.DescriptionJson()).DescriptionJson());
    }

    [Fact]
    public void Invalid_spaces_are_refused()
    {
        Assert.Contains("positive", Assert.Throws<ArgumentException>(() => new MultiDiscrete([2, 0])).Message);
        Assert.Contains("same shape", Assert.Throws<ArgumentException>(() => new MultiDiscrete([2, 2], start: [1])).Message);
        Assert.Contains("does not fit dtype int8", Assert.Throws<ArgumentException>(() => new MultiDiscrete([200], dtype: DType.Int8)).Message);
        Assert.Throws<ArgumentException>(() => new MultiDiscrete([2, 2, 2], shape: [2, 2]));
    }

    [Fact]
    public void Values_of_the_wrong_form_are_refused()
    {
        Assert.Contains("shape (2, 2)", Assert.Throws<ProtocolException>(() => Grid.Value("[[0, 0, 0], [5, 6]]")).Message);
        Assert.Contains("whole number", Assert.Throws<ProtocolException>(() => Grid.Value("[0, 0.5, 5, 6]")).Message);
        Assert.Contains("expected 4 values", Assert.Throws<ProtocolException>(() => Grid.Value("[0, 0, 5]")).Message);
    }
}
