using System.Buffers;
using System.Text.Json;
using GymServer.Engine.Spaces;
using GymServer.Protocol.Spaces;
using GymServer.Protocol.V1;

namespace GymServer.Tests.Unit.Spaces;

/// <summary>
/// A Box whose elements share their bounds holds each bound once (an Atari frame's 100,800 bounds would otherwise
/// take megabytes for every env a server holds), and behaves and describes itself as one holding them per element.
/// </summary>
public sealed class UniformBoxTests
{
    private static readonly int[] Frame = [210, 160, 3];

    public static TheoryData<string, string, string> ImageBoxes() => new()
    {
        { "uint8", "0", "255" },
        { "float32", "\"-inf\"", "\"inf\"" },
        { "int8", "\"-inf\"", "5" },
        { "float64", "-0", "0.5" },
    };

    [Theory]
    [MemberData(nameof(ImageBoxes))]
    public void An_image_box_described_per_element_or_with_one_bound_is_held_once_and_described_per_element(string dtype, string low, string high)
    {
        var perElement = Description(dtype, Repeat(low), Repeat(high));
        var boxes = new[] { (Box)Space.Parse(perElement), (Box)Space.Parse(Description(dtype, low, high)) };

        foreach (var box in boxes)
        {
            Assert.True(box.Low.IsUniform && box.High.IsUniform);
            Assert.True(box.Description.Low.IsUniform && box.Description.High.IsUniform);
            Assert.Equal(perElement, box.DescriptionJson());
        }
        Assert.Equal(SpaceInfo(boxes[0]), SpaceInfo(boxes[1]));
        Assert.Equal(boxes[0].Samples(seed: 3, 2), boxes[1].Samples(seed: 3, 2));
    }

    [Fact]
    public void A_box_of_one_bound_reads_writes_and_checks_bounds_as_written()
    {
        var box = new Box(0, 255, Frame, DType.UInt8);

        Assert.Equal(Description("uint8", Repeat("0"), Repeat("255")), box.DescriptionJson());
        var info = SpaceInfo(box);
        Assert.StartsWith("{\"info\":{\"name\":\"Box\",\"shape\":[210,160,3],\"low\":[0,0,", info);
        Assert.EndsWith(",255,255]}}", info);
        Assert.Equal(100_800, JsonDocument.Parse(info).RootElement.GetProperty("info").GetProperty("high").GetArrayLength());
        Assert.True(box.IsBounded);
        Assert.True(box.IsBoundedBelow(100_799) && box.IsBoundedAbove(0));
        Assert.Throws<IndexOutOfRangeException>(() => box.IsBoundedBelow(100_800));
    }

    /// <summary>
    /// The same Box but for its last element's lower bound holds every bound per element. Their first elements are
    /// checked and sampled alike: with one kind of draw (all bounded), the last element draws last.
    /// </summary>
    [Theory]
    [InlineData(DType.Float64, -1.0, 1.0)]
    [InlineData(DType.Float32, -0.5, 0.25)]
    [InlineData(DType.UInt8, 0.0, 255.0)]
    [InlineData(DType.Int16, -300.0, 300.0)]
    public void Bounds_held_once_behave_as_bounds_held_per_element(DType dtype, double low, double high)
    {
        const int Count = 50;
        var uniform = new Box(low, high, [Count], dtype);
        var lows = Enumerable.Repeat(low, Count).ToArray();
        lows[^1] = (low + high) / 2;
        var perElement = new Box(lows, Enumerable.Repeat(high, Count).ToArray(), [Count], dtype);
        Assert.True(uniform.Low.IsUniform);
        Assert.False(perElement.Low.IsUniform);

        uniform.Seed(11);
        perElement.Seed(11);
        var (fromUniform, fromPerElement) = (new byte[uniform.ByteSize], new byte[perElement.ByteSize]);
        var elementBytes = DTypes.SizeOf(dtype);
        for (var draw = 0; draw < 20; draw++)
        {
            uniform.Sample(fromUniform);
            perElement.Sample(fromPerElement);
            Assert.Equal(fromUniform[..^elementBytes], fromPerElement[..^elementBytes]);
            Assert.True(uniform.Contains(fromUniform));
            Assert.True(perElement.Contains(fromPerElement));
        }
        var atLow = uniform.Value($"[{string.Join(", ", Enumerable.Repeat(low.ToString("R"), Count))}]");
        Assert.True(uniform.Contains(atLow));
        Assert.False(perElement.Contains(atLow));
        if (dtype != DType.UInt8)
        {
            var aboveHigh = uniform.Value($"[{string.Join(", ", Enumerable.Repeat(low.ToString("R"), Count - 1))}, {(high + 1).ToString("R")}]");
            Assert.False(uniform.Contains(aboveHigh));
            Assert.False(perElement.Contains(aboveHigh));
        }
    }

    [Fact]
    public void Int64_bounds_a_double_cannot_hold_after_others_it_can_keep_every_exact_value()
    {
        const string Json = """{"type":"Box","shape":[3],"dtype":"int64","low":[0,1,-9223372036854775808],"high":[5,9223372036854775807,9223372036854775807]}""";
        var box = (Box)Space.Parse(Json);

        Assert.Equal(Json, box.DescriptionJson());
        Assert.True(box.Contains(box.Value("[0, 9223372036854775807, -9223372036854775808]")));
        Assert.False(box.Contains(box.Value("[-1, 1, 0]")));
        Assert.False(box.Contains(box.Value("[0, 0, 0]")));
    }

    /// <summary>
    /// Building a pixel env's observation space from the worker's description, and its description, allocate no
    /// per-element arrays: each would be 100 KB (bool) to 3.2 MB (Int128?) for every env made.
    /// </summary>
    [Fact]
    public void An_image_box_is_read_built_and_described_without_per_element_allocations()
    {
        using var document = JsonDocument.Parse(Description("uint8", Repeat("0"), Repeat("255")));
        void BuildAndDescribe()
        {
            _ = ((Box)Space.Parse(document.RootElement)).Description;
            _ = new Box(0, 255, Frame, DType.UInt8).Description;
        }
        BuildAndDescribe();

        var before = GC.GetAllocatedBytesForCurrentThread();
        BuildAndDescribe();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // One element's worth of any per-element array (bool) is 100,800 bytes.
        Assert.InRange(allocated, 0, 32 * 1024);
    }

    private static string Repeat(string bound) => $"[{string.Join(",", Enumerable.Repeat(bound, 210 * 160 * 3))}]";

    private static string Description(string dtype, string low, string high) =>
        $$"""{"type":"Box","shape":[210,160,3],"dtype":"{{dtype}}","low":{{low}},"high":{{high}}}""";

    private static string SpaceInfo(Box box)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            new SpaceInfoResponse(box.Description).WriteTo(writer);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
