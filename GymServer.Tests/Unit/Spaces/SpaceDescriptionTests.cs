using GymServer.Engine.Spaces;
using GymServer.Protocol.Spaces;

namespace GymServer.Tests.Unit.Spaces;

public sealed class SpaceDescriptionTests
{
    public static TheoryData<string> Descriptions() => new(
        """{"type":"Discrete","n":5,"start":-2}""",
        """{"type":"Discrete","n":100,"start":0,"dtype":"int8"}""",
        """{"type":"Box","shape":[2,2],"dtype":"float32","low":[-1,"-inf",0,0.5],"high":[1,"inf",4.800000190734863,0.5]}""",
        """{"type":"Box","shape":[],"dtype":"float64","low":[0],"high":[1]}""",
        """{"type":"Box","shape":[3],"dtype":"uint8","low":[0,0,0],"high":[255,255,255]}""",
        """{"type":"MultiDiscrete","nvec":[3,4],"start":[0,-1],"dtype":"int32"}""",
        """{"type":"MultiBinary","n":[2,2]}""",
        """{"type":"Tuple","spaces":[{"type":"Discrete","n":2,"start":0},{"type":"MultiBinary","n":3}]}""",
        """{"type":"Dict","spaces":{"z":{"type":"Discrete","n":2,"start":0},"a":{"type":"Tuple","spaces":[]}}}""");

    [Theory]
    [MemberData(nameof(Descriptions))]
    public void A_description_builds_a_space_that_writes_it_back(string description)
    {
        Assert.Equal(description, Space.Parse(description).DescriptionJson());
    }

    [Fact]
    public void Shorthands_are_accepted_and_written_in_full()
    {
        Assert.Equal(
            """{"type":"Box","shape":[2],"dtype":"float32","low":[-1,-1],"high":[1,1]}""",
            Space.Parse("""{"type":"Box","shape":[2],"dtype":"float32","low":-1,"high":1}""").DescriptionJson());
        Assert.Equal(
            """{"type":"Discrete","n":4,"start":0}""",
            Space.Parse("""{"type":"Discrete","n":4}""").DescriptionJson());
        Assert.Equal(
            """{"type":"MultiDiscrete","nvec":[[2],[3]],"start":[[0],[0]],"dtype":"int64"}""",
            Space.Parse("""{"type":"MultiDiscrete","nvec":[[2],[3]]}""").DescriptionJson());
    }

    [Theory]
    [InlineData("[1, 2]", "$", "expected an object")]
    [InlineData("{\"n\": 2}", "$", "missing field \"type\"")]
    [InlineData("{\"type\": 3}", "$.type", "expected a string")]
    [InlineData("{\"type\": \"Text\"}", "$.type", "unknown space type 'Text' (GymServer knows Discrete, Box")]
    [InlineData("{\"type\": \"Discrete\"}", "$", "missing field \"n\"")]
    [InlineData("{\"type\": \"Discrete\", \"n\": -3}", "$.n", "must be positive")]
    [InlineData("{\"type\": \"Discrete\", \"n\": 2.5}", "$.n", "expected an integer")]
    [InlineData("{\"type\": \"Discrete\", \"n\": 2, \"stat\": 1}", "$.stat", "unknown field for Discrete")]
    [InlineData("{\"type\": \"Discrete\", \"n\": 2, \"dtype\": \"float32\"}", "$.dtype", "must be an integer dtype")]
    [InlineData("{\"type\": \"Box\", \"shape\": [2], \"low\": 0, \"high\": 1}", "$", "missing field \"dtype\"")]
    [InlineData("{\"type\": \"Box\", \"shape\": [2], \"dtype\": \"float16\", \"low\": 0, \"high\": 1}", "$.dtype", "expected a dtype name")]
    [InlineData("{\"type\": \"Box\", \"shape\": [2], \"dtype\": \"float32\", \"low\": [0], \"high\": 1}", "$.low", "expected 2 bounds, got 1")]
    [InlineData("{\"type\": \"Box\", \"shape\": [2], \"dtype\": \"float32\", \"low\": [0, \"nan\"], \"high\": 1}", "$.low[1]", "expected a number")]
    [InlineData("{\"type\": \"Box\", \"shape\": [2], \"dtype\": \"float32\", \"low\": [\"x\"], \"high\": 1}", "$.low", "expected 2 bounds, got 1")]
    [InlineData("{\"type\": \"Box\", \"shape\": [3], \"dtype\": \"float32\", \"low\": [[0], [0, 0, 0]], \"high\": 1}", "$.low", "expected 3 bounds, got 4")]
    [InlineData("{\"type\": \"Box\", \"shape\": [3], \"dtype\": \"int32\", \"low\": [[0], [1, \"x\"]], \"high\": 1}", "$.low[2]", "expected a number")]
    [InlineData("{\"type\": \"Box\", \"shape\": [3], \"dtype\": \"int32\", \"low\": 0, \"high\": \"x\"}", "$.high[0]", "expected a number")]
    [InlineData("{\"type\": \"Box\", \"shape\": [1], \"dtype\": \"float32\", \"low\": 2, \"high\": 1}", "$", "must not exceed high")]
    [InlineData("{\"type\": \"Box\", \"shape\": [-1], \"dtype\": \"float32\", \"low\": 0, \"high\": 1}", "$.shape[0]", "non-negative")]
    [InlineData("{\"type\": \"Box\", \"shape\": [1], \"dtype\": \"uint8\", \"low\": \"-inf\", \"high\": 1}", "$", "not allowed for dtype uint8")]
    [InlineData("{\"type\": \"MultiDiscrete\", \"nvec\": [[2, 3], [4]]}", "$.nvec", "rectangular")]
    [InlineData("{\"type\": \"MultiDiscrete\", \"nvec\": [2, 3], \"start\": [1]}", "$.start", "has shape (1)")]
    [InlineData("{\"type\": \"MultiDiscrete\", \"nvec\": [2, 0]}", "$", "must be positive")]
    [InlineData("{\"type\": \"MultiBinary\", \"n\": 0}", "$.n", "positive integer")]
    [InlineData("{\"type\": \"MultiBinary\", \"n\": 3, \"dtype\": \"float32\"}", "$.dtype", "always int8")]
    [InlineData("{\"type\": \"Tuple\", \"spaces\": {}}", "$.spaces", "expected a list")]
    [InlineData("{\"type\": \"Tuple\", \"spaces\": [{\"type\": \"Discrete\", \"n\": 2}, {\"type\": \"Discrete\", \"n\": 0}]}", "$.spaces[1].n", "must be positive")]
    [InlineData("{\"type\": \"Dict\", \"spaces\": {\"pos\": {\"type\": \"Box\", \"shape\": [\"2\"]}}}", "$.spaces.pos.shape[0]", "expected an integer")]
    [InlineData("{\"type\": \"Dict\", \"spaces\": []}", "$.spaces", "expected an object")]
    public void Bad_descriptions_are_refused_saying_where_and_why(string json, string path, string problem)
    {
        var error = Assert.Throws<InvalidSpaceDescriptionException>(() => Space.Parse(json));
        Assert.Equal(path, error.Path);
        Assert.Contains(problem, error.Problem);
        Assert.StartsWith($"invalid space description at {path}: ", error.Message);
    }

    [Fact]
    public void Text_that_is_not_json_is_refused()
    {
        var error = Assert.Throws<InvalidSpaceDescriptionException>(() => Space.Parse("{\"type\": "));
        Assert.Contains("not valid JSON", error.Message);
    }
}
