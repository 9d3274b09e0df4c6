using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol;
using GymServer.Protocol.Spaces;
using GymServer.Tests.Infrastructure;

namespace GymServer.Tests.Unit.Spaces;

public sealed class BoxTests
{
    private static readonly Box Mixed = new(
        [0.0, double.NegativeInfinity, -1.0, double.NegativeInfinity],
        [double.PositiveInfinity, 3.0, 1.0, double.PositiveInfinity],
        [4],
        DType.Float32);

    public static TheoryData<string> SampledBoxes() => new(
        """{"type":"Box","shape":[4],"dtype":"float32","low":[0,"-inf",-1,"-inf"],"high":["inf",3,1,"inf"]}""",
        """{"type":"Box","shape":[2,3],"dtype":"float64","low":-5.5,"high":2.25}""",
        """{"type":"Box","shape":[3,2],"dtype":"uint8","low":0,"high":255}""",
        """{"type":"Box","shape":[3],"dtype":"int8","low":["-inf",-3,"-inf"],"high":["inf","inf",4]}""",
        """{"type":"Box","shape":[2],"dtype":"int64","low":[-9223372036854775808,-7],"high":[9223372036854775807,7]}""",
        """{"type":"Box","shape":[5],"dtype":"bool","low":0,"high":1}""");

    [Fact]
    public void Contains_checks_every_bound()
    {
        Assert.True(Mixed.Contains(Mixed.Value("[0, -1e30, 1, 5]")));
        Assert.False(Mixed.Contains(Mixed.Value("[-0.001, 0, 0, 0]")));
        Assert.False(Mixed.Contains(Mixed.Value("[0, 3.0001, 0, 0]")));
        Assert.False(Mixed.Contains(Mixed.Value("[0, 0, 0, \"nan\"]")));
        Assert.True(Mixed.Contains(Mixed.Value("[\"inf\", \"-inf\", 0, \"inf\"]")));
        Assert.False(Mixed.Contains(new byte[Mixed.ByteSize - 1]));
    }

    [Fact]
    public void Float32_bounds_hold_what_a_float32_box_holds()
    {
        var box = new Box(-0.1, 0.1, [1], DType.Float32);
        Assert.Equal((double)-0.1f, box.Low[0]);
        Assert.Equal((double)0.1f, box.High[0]);
        Assert.True(box.Contains(box.Value("[0.1]")));
    }

    [Fact]
    public void Integer_boxes_keep_int64_limits_exactly()
    {
        var box = (Box)Space.Parse("""{"type":"Box","shape":[2],"dtype":"int64","low":[-9223372036854775808,0],"high":[9223372036854775807,9007199254740993]}""");
        Assert.True(box.Contains(box.Value("[9223372036854775807, 9007199254740993]")));
        Assert.False(box.Contains(box.Value("[0, 9007199254740994]")));
        Assert.Equal(
            """{"type":"Box","shape":[2],"dtype":"int64","low":[-9223372036854775808,0],"high":[9223372036854775807,9007199254740993]}""",
            box.DescriptionJson());
    }

    [Fact]
    public void Infinite_bounds_of_a_signed_integer_box_become_its_limits_but_stay_unbounded()
    {
        var box = new Box(double.NegativeInfinity, double.PositiveInfinity, [2], DType.Int8);
        Assert.Equal(-128, box.Low[0]);
        Assert.Equal(127, box.High[1]);
        Assert.False(box.IsBoundedBelow(0));
        Assert.False(box.IsBoundedAbove(1));
        Assert.False(box.IsBounded);
        Assert.Equal("""{"type":"Box","shape":[2],"dtype":"int8","low":["-inf","-inf"],"high":["inf","inf"]}""", box.DescriptionJson());
    }

    [Theory]
    [InlineData(1.0, 0.0, DType.Float32, "must not exceed high")]
    [InlineData(double.NaN, 1.0, DType.Float64, "NaN")]
    [InlineData(double.NegativeInfinity, 1.0, DType.UInt8, "not allowed for dtype uint8")]
    [InlineData(0.0, 256.0, DType.UInt8, "out of the range of uint8")]
    [InlineData(-128.5, 0.0, DType.Int8, "out of the range of int8")]
    [InlineData(0.0, 1e39, DType.Float32, "out of the range of float32")]
    [InlineData(double.PositiveInfinity, 1.0, DType.Float32, "must not exceed high")]
    public void Bounds_gymnasium_refuses_are_refused(double low, double high, DType dtype, string reason)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new Box(low, high, [2], dtype));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Bounds_must_match_the_shape()
    {
        Assert.Contains("must have 6 elements", Assert.Throws<ArgumentException>(() => new Box([0.0], [1.0], [2, 3], DType.Float32)).Message);
        Assert.Throws<ArgumentException>(() => new Box(0, 1, [-1], DType.Float32));
    }

    [Theory]
    [MemberData(nameof(SampledBoxes))]
    public void Samples_stay_in_the_box(string description)
    {
        var box = Space.Parse(description);
        box.Seed(123);
        var sample = new byte[box.ByteSize];
        for (var i = 0; i < 2000; i++)
        {
            box.Sample(sample);
            Assert.True(box.Contains(sample), $"{box.ValueJson(sample)} is outside {description}");
        }
    }

    [Theory]
    [MemberData(nameof(SampledBoxes))]
    public void Same_seed_same_samples_and_another_seed_others(string description)
    {
        var box = Space.Parse(description);
        var first = box.Samples(seed: 9, n: 40);
        Assert.Equal(first, box.Samples(seed: 9, n: 40));
        Assert.NotEqual(first, box.Samples(seed: 10, n: 40));
    }

    [Fact]
    public void Unseeded_boxes_draw_from_os_entropy()
    {
        Assert.NotEqual(Mixed.Samples(seed: null, n: 5), new Box(0, 1, [4], DType.Float32).Samples(seed: null, n: 5));
        var a = new Box(0, 1, [8], DType.Float64);
        var b = new Box(0, 1, [8], DType.Float64);
        Assert.NotEqual(a.Samples(seed: null, n: 3), b.Samples(seed: null, n: 3));
    }

    [Fact]
    public void A_range_numpy_cannot_sample_fails_as_numpy_fails()
    {
        var box = new Box(-double.MaxValue, double.MaxValue, [1], DType.Float64);
        Assert.Throws<OverflowException>(() => box.Sample(new byte[box.ByteSize]));
        Assert.Throws<ArgumentException>(() => Mixed.Sample(new byte[3]));
    }

    [Fact]
    public void Values_are_written_as_nested_lists_and_float32_as_its_float64()
    {
        var box = new Box(-10, 10, [2, 2], DType.Float32);
        Assert.Equal("[[0.10000000149011612,-2],[3.5,0]]", box.ValueJson(box.Value("[[0.1, -2], [3.5, 0]]")));
        Assert.Equal("[[0.10000000149011612,-2],[3.5,0]]", box.ValueJson(box.Value("[0.1, -2, 3.5, 0]")));
        var infinite = new Box(double.NegativeInfinity, double.PositiveInfinity, [3], DType.Float64);
        Assert.Equal("""["nan","inf","-inf"]""", infinite.ValueJson(infinite.Value("""["nan","inf","-inf"]""")));
    }

    [Theory]
    [InlineData("float32", "[1, 2]", "expected 3 values")]
    [InlineData("float32", "[1, \"x\", 2]", "element 1 must be a number")]
    [InlineData("float32", "{\"a\": 1}", "expected a list of 3 values")]
    [InlineData("uint8", "[1, 2, 256]", "element 2 must be a whole number within uint8")]
    [InlineData("int64", "[1, 2.5, 3]", "element 1 must be a whole number within int64")]
    [InlineData("int8", "[1, null, 3]", "element 1")]
    public void Values_of_the_wrong_form_are_refused(string dtype, string json, string reason)
    {
        var box = new Box(0, 100, [3], DTypes.TryParse(dtype, out var parsed) ? parsed : throw new ArgumentException(dtype));
        var error = Assert.Throws<ProtocolException>(() => box.Value(json));
        Assert.Equal(EnvErrorCodes.InvalidAction, error.Code);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Nesting_must_follow_the_shape()
    {
        var box = new Box(0, 1, [2, 2], DType.Float64);
        Assert.Contains("shape (2, 2)", Assert.Throws<ProtocolException>(() => box.Value("[[1, 0], [1]]")).Message);
        Assert.Equal("[[1,0],[1,1]]", box.ValueJson(box.Value("[[true, false], [1, 1]]")));
    }

    [Fact]
    public void Sampling_allocates_nothing()
    {
        var box = Space.Parse("""{"type":"Box","shape":[6],"dtype":"int32","low":["-inf",0,"-inf",-5,0,1],"high":["inf","inf",3,5,10,2]}""");
        var sample = new byte[box.ByteSize];
        box.Seed(1);
        box.Sample(sample);
        AllocationAssert.SteadyStateAllocatesNothing(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                box.Sample(sample);
                Mixed.Sample(sample.AsSpan(0, Mixed.ByteSize));
            }
        });
    }
}
