using System.Text;
using System.Text.Json;
using GymServer.Client.Spaces;

namespace GymServer.Client.Tests;

/// <summary>Spaces from protocol-2 descriptions: their values through JSON and the binary layout (no server).</summary>
public sealed class SpaceTests
{
    private static Space Parse(string description) => Space.Parse(JsonDocument.Parse(description).RootElement);

    private static string Json(Space space, object value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            space.WriteJson(writer, value);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static object RoundTripBytes(Space space, object value)
    {
        var bytes = new byte[space.ByteSize];
        space.WriteBytes(value, bytes);
        return space.ReadBytes(bytes);
    }

    [Fact]
    public void BoxKeepsShapeDtypeAndInfiniteBounds()
    {
        var box = Assert.IsType<Box>(Parse("""{"type":"Box","shape":[2,2],"dtype":"float64","low":[-1,"-inf",0,0],"high":[1,"inf",2,2]}"""));
        Assert.Equal(32, box.ByteSize);
        double[] value = [0.5, double.PositiveInfinity, 1, 2];
        Assert.Equal("""[[0.5,"inf"],[1,2]]""", Json(box, value));
        Assert.Equal(value, box.ReadJson(JsonDocument.Parse("""[[0.5,"inf"],[1,2]]""").RootElement));
        Assert.Equal(value, RoundTripBytes(box, value));
        Assert.False(box.Contains(new[] { 2.0, 0, 0, 0 }));
    }

    [Fact]
    public void Float32BoxesWriteTheShortestDigitsThatReadBack()
    {
        var box = Assert.IsType<Box>(Parse("""{"type":"Box","shape":[],"dtype":"float32","low":[-2],"high":[2]}"""));
        Assert.Equal("0.1", Json(box, new[] { 0.1f }));
        Assert.Equal("0.1", Json(box, 0.1f));
        Assert.Equal([0.1f], (float[])box.ReadJson(JsonDocument.Parse("0.10000000149011612").RootElement));
    }

    [Fact]
    public void Uint8BoxesAreByteArrays()
    {
        var box = Assert.IsType<Box>(Parse("""{"type":"Box","shape":[1,2],"dtype":"uint8","low":[0,0],"high":[255,255]}"""));
        Assert.Equal([7, 255], Assert.IsType<byte[]>(box.ReadJson(JsonDocument.Parse("[[7,255]]").RootElement)));
        Assert.Equal(new byte[] { 7, 255 }, RoundTripBytes(box, new byte[] { 7, 255 }));
    }

    [Fact]
    public void MultiDiscreteAndMultiBinaryKeepTheirShape()
    {
        var grid = Assert.IsType<MultiDiscrete>(Parse("""{"type":"MultiDiscrete","nvec":[[2,3],[4,5]],"start":[[0,0],[0,1]],"dtype":"int64"}"""));
        Assert.Equal([2, 2], grid.Shape);
        Assert.Equal("[[1,2],[3,5]]", Json(grid, new long[] { 1, 2, 3, 5 }));
        Assert.True(grid.Contains(new long[] { 1, 2, 3, 5 }));
        Assert.False(grid.Contains(new long[] { 1, 2, 3, 0 }));
        Assert.Equal(new long[] { 1, 2, 3, 5 }, RoundTripBytes(grid, new[] { 1, 2, 3, 5 }));

        var flags = Assert.IsType<MultiBinary>(Parse("""{"type":"MultiBinary","n":[2,3]}"""));
        Assert.Equal(6, flags.ByteSize);
        Assert.Equal("[[1,0,1],[0,0,1]]", Json(flags, new byte[] { 1, 0, 1, 0, 0, 1 }));
        Assert.Throws<ArgumentException>(() => Json(flags, new[] { 2, 0, 1, 0, 0, 1 }));
    }

    [Fact]
    public void TupleAndDictNestAndConcatenateInOrder()
    {
        var dict = Assert.IsType<DictSpace>(Parse("""{"type":"Dict","spaces":{"b":{"type":"Discrete","n":3,"start":-1},"a":{"type":"Tuple","spaces":[{"type":"Discrete","n":2,"start":0},{"type":"MultiBinary","n":2}]}}}"""));
        Assert.Equal(["b", "a"], dict.Spaces.Select(p => p.Key));
        Assert.Equal(8 + 8 + 2, dict.ByteSize);
        var value = new Dictionary<string, object> { ["a"] = new object[] { 1L, new byte[] { 0, 1 } }, ["b"] = -1L };
        Assert.Equal("""{"b":-1,"a":[1,[0,1]]}""", Json(dict, value));
        Assert.True(dict.Contains(value));
        var back = (IReadOnlyDictionary<string, object>)RoundTripBytes(dict, value);
        Assert.Equal(-1L, back["b"]);
        Assert.Equal(new byte[] { 0, 1 }, ((object[])back["a"])[1]);
        Assert.Equal(value["b"], ((IReadOnlyDictionary<string, object>)dict.ReadJson(JsonDocument.Parse("""{"a":[1,[0,1]],"b":-1}""").RootElement))["b"]);
    }

    [Fact]
    public void UnknownDescriptionsAreBadReplies()
    {
        Assert.Equal(GymServerException.BadReply, Assert.Throws<GymServerException>(() => Parse("""{"type":"Text","max_length":3}""")).Code);
        Assert.Equal(GymServerException.BadReply, Assert.Throws<GymServerException>(() => Parse("""{"type":"Box","shape":[1]}""")).Code);
    }
}
