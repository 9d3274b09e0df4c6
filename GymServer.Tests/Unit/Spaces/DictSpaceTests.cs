using System.Numerics;
using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol;
using GymServer.Protocol.Spaces;

namespace GymServer.Tests.Unit.Spaces;

public sealed class DictSpaceTests
{
    private static DictSpace Sample() => new(new Dictionary<string, Space>
    {
        ["velocity"] = new Box(-1, 1, [2], DType.Float32),
        ["b"] = new Discrete(3),
        ["a"] = new MultiBinary(2),
    });

    [Fact]
    public void Keys_are_sorted_as_python_sorts_them()
    {
        Assert.Equal(["a", "b", "velocity"], Sample().Keys);
        // By code point: U+1F600 (a surrogate pair in UTF-16) sorts after U+FFFD, unlike ordinal UTF-16 order.
        var keys = new[] { "\U0001F600", "\uFFFD", "a", "Z", "é" };
        Assert.Equal(["Z", "a", "é", "\uFFFD", "\U0001F600"], keys.Order(CodePointComparer.Instance));
        var space = new DictSpace(keys.ToDictionary(key => key, Space (_) => new Discrete(2)));
        Assert.Equal(["Z", "a", "é", "\uFFFD", "\U0001F600"], space.Keys);
    }

    [Fact]
    public void Ordered_keeps_the_order_given()
    {
        var space = DictSpace.Ordered(("z", new Discrete(5)), ("a", new Discrete(2)));
        Assert.Equal(["z", "a"], space.Keys);
        Assert.Equal("""{"type":"Dict","spaces":{"z":{"type":"Discrete","n":5,"start":0},"a":{"type":"Discrete","n":2,"start":0}}}""", space.DescriptionJson());
        Assert.Contains("more than once", Assert.Throws<ArgumentException>(() => DictSpace.Ordered(("a", new Discrete(2)), ("a", new Discrete(3)))).Message);
    }

    [Fact]
    public void A_value_is_the_subspace_values_in_key_order()
    {
        var space = Sample();
        var value = space.Value("""{"velocity": [0.5, -1], "a": [1, 0], "b": 2}""");
        Assert.Equal(2 + 8 + 8, space.ByteSize);
        Assert.Equal(2, Discrete.Read(value.AsSpan(space.ElementRange("b"))));
        Assert.Equal("""{"a":[1,0],"b":2,"velocity":[0.5,-1]}""", space.ValueJson(value));
        Assert.True(space.Contains(value));
        Assert.False(space.Contains(space.Value("""{"velocity": [0.5, -1.5], "a": [1, 0], "b": 2}""")));
    }

    [Theory]
    [InlineData("""{"a": [1, 0], "b": 2}""", "lacks key 'velocity'")]
    [InlineData("""{"a": [1, 0], "b": 2, "velocity": [0, 0], "c": 1}""", "has no key 'c'")]
    [InlineData("""{"a": [1, 0], "a": [1, 0], "b": 2}""", "twice")]
    [InlineData("""[[1, 0], 2, [0, 0]]""", "expected an object")]
    public void Values_of_the_wrong_form_are_refused(string json, string reason)
    {
        var error = Assert.Throws<ProtocolException>(() => Sample().Value(json));
        Assert.Equal(EnvErrorCodes.InvalidAction, error.Code);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void An_int_seed_seeds_the_subspaces_as_a_tuple_of_them_would_be()
    {
        // Gymnasium seeds Dict and Tuple alike: subseeds = integers(2**31 - 1, size=n) in subspace order.
        var dict = Sample();
        var tuple = new TupleSpace(new MultiBinary(2), new Discrete(3), new Box(-1, 1, [2], DType.Float32));
        var fromDict = dict.Samples(seed: 77, n: 20).Select(json => dict.Value(json));
        var fromTuple = tuple.Samples(seed: 77, n: 20).Select(json => tuple.Value(json));
        Assert.Equal(fromTuple, fromDict);
    }

    [Fact]
    public void A_seed_per_key_seeds_each_subspace_with_it()
    {
        var dict = Sample();
        dict.Seed(new Dictionary<string, BigInteger?> { ["a"] = 1, ["b"] = 2, ["velocity"] = 3 });
        var velocity = new Box(-1, 1, [2], DType.Float32);
        velocity.Seed(3);
        var sample = new byte[dict.ByteSize];
        dict.Sample(sample);
        var expected = new byte[velocity.ByteSize];
        velocity.Sample(expected);
        Assert.Equal(expected, sample.AsSpan(dict.ElementRange("velocity")).ToArray());
        Assert.Throws<ArgumentException>(() => dict.Seed(new Dictionary<string, BigInteger?> { ["a"] = 1 }));
    }

    [Fact]
    public void Unknown_keys_are_reported()
    {
        Assert.Contains("no key 'x'", Assert.Throws<KeyNotFoundException>(() => Sample()["x"]).Message);
    }
}
