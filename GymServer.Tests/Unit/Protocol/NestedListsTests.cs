using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GymServer.Protocol.Framing;
using GymServer.Protocol.Spaces;
using GymServer.Protocol.V1;

namespace GymServer.Tests.Unit.Protocol;

/// <summary>
/// Protocol 1's arrays written straight into the reply buffer give exactly the bytes the element-by-element writer
/// gave (<see cref="ProtocolValuesOracle"/>), for every dtype and shape, special floats included, wherever the value
/// sits in the reply (a property, a tuple's later element) and whether or not the caller hands over the body.
/// </summary>
public sealed class NestedListsTests
{
    public static TheoryData<DType, int[]> DTypesAndShapes()
    {
        int[][] shapes =
        [
            [], [1], [7], [3, 4], [210, 160, 3], [2, 3, 4, 5], [1, 1, 1], [5000], [3, 2500],
            [1, 7, 3], [9, 1, 3], [2, 2000, 3],
            [0], [2, 0], [0, 3], [2, 0, 3],
        ];
        var data = new TheoryData<DType, int[]>();
        foreach (var dtype in Enum.GetValues<DType>())
        {
            foreach (var shape in shapes)
            {
                data.Add(dtype, shape);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(DTypesAndShapes))]
    public void BoxesAreWrittenAsBefore(DType dtype, int[] shape)
    {
        var box = new BoxDescription(shape, dtype, Bounds(shape, double.NegativeInfinity), Bounds(shape, double.PositiveInfinity));
        var value = Values(box.ByteSize, dtype, seed: shape.Sum() * 31 + (int)dtype);
        AssertSameAsOracle(box, value);
    }

    [Theory]
    [InlineData(new[] { 5 }, false)]
    [InlineData(new[] { 2, 3 }, true)]
    public void MultiBinaryIsWrittenAsBefore(int[] shape, bool nIsShape)
    {
        var space = new MultiBinaryDescription(shape, nIsShape);
        AssertSameAsOracle(space, Values(space.ByteSize, DType.Int8, seed: 3));
    }

    [Fact]
    public void MultiDiscreteIsWrittenAsBefore()
    {
        var space = new MultiDiscreteDescription([3, 4, 5, 6, 7, 8], shape: [2, 3]);
        AssertSameAsOracle(space, Values(space.ByteSize, DType.Int64, seed: 4));
    }

    [Fact]
    public void ArraysInsideATupleAreWrittenAsBefore()
    {
        var pixels = new BoxDescription([4, 5, 3], DType.UInt8, Bounds([4, 5, 3], 0), Bounds([4, 5, 3], 255));
        var scalar = new BoxDescription([], DType.Float32, [-1], [1]);
        var space = new TupleDescription([new DiscreteDescription(3), pixels, scalar, pixels]);
        AssertSameAsOracle(space, Values(space.ByteSize, DType.UInt8, seed: 5));
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void SpecialFloatsAreWrittenAsBefore(DType dtype)
    {
        double[] specials =
        [
            double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 0.0, 1.0, -1.0, 0.1, 1.0 / 3,
            double.Epsilon, 1e-310, -4.9e-324, 2.2250738585072014e-308, float.Epsilon, 1.17549435e-38f, 1e-45,
            1e15, 1e16, 1e17, 1e22, 1e-5, 1e-4, 1.5e-7, 123456789.0, 9007199254740993.0,
            float.MaxValue, float.MinValue, double.MaxValue, double.MinValue, 16777216.0, 0.30000001192092896,
        ];
        var size = DTypes.SizeOf(dtype);
        var value = new byte[specials.Length * size];
        for (var i = 0; i < specials.Length; i++)
        {
            Elements.WriteDouble(value, dtype, i, specials[i]);
        }
        var box = new BoxDescription([specials.Length], dtype, Bounds([specials.Length], double.NegativeInfinity), Bounds([specials.Length], double.PositiveInfinity));
        AssertSameAsOracle(box, value);
        var scalarBox = new BoxDescription([], dtype, [double.NegativeInfinity], [double.PositiveInfinity]);
        for (var i = 0; i < specials.Length; i++)
        {
            AssertSameAsOracle(scalarBox, value.AsSpan(i * size, size).ToArray());
        }
    }

    [Fact]
    public void CompressedRepliesCarryTheSameBody()
    {
        var box = new BoxDescription([210, 160, 3], DType.UInt8, Bounds([210, 160, 3], 0), Bounds([210, 160, 3], 255));
        var value = Values(box.ByteSize, DType.UInt8, seed: 6);
        var replies = new ReplyWriter { CompressionLevel = 6 };
        var output = new ReplyBuffer();
        new ObservationResponse(box, value).WriteTo(replies.Begin(output), replies.Body);
        replies.End(output);
        var body = ReplyWriter.Decompress(output.WrittenSpan[..^ReplyWriter.Terminator.Length]);
        Assert.Equal(Oracle(writer => { writer.WriteStartObject(); writer.WritePropertyName("observation"); ProtocolValuesOracle.Write(box, value, writer); writer.WriteEndObject(); }), Encoding.UTF8.GetString(body));
    }

    /// <summary>The value as a property, then twice in a list, then a property after it: every separator position.</summary>
    private static void AssertSameAsOracle(SpaceDescription space, byte[] value)
    {
        var expected = Oracle(writer => WriteAround(writer, w => ProtocolValuesOracle.Write(space, value, w)));
        var withBody = new ReplyBuffer();
        using (var writer = new Utf8JsonWriter(withBody, Options))
        {
            WriteAround(writer, w => ProtocolValues.Write(space, value, w, withBody));
        }
        Assert.Equal(expected, Encoding.UTF8.GetString(withBody.WrittenSpan));
        var aside = Oracle(writer => WriteAround(writer, w => ProtocolValues.Write(space, value, w)));
        Assert.Equal(expected, aside);
    }

    private static void WriteAround(Utf8JsonWriter writer, Action<Utf8JsonWriter> value)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("a");
        value(writer);
        writer.WriteStartArray("b");
        value(writer);
        value(writer);
        writer.WriteEndArray();
        writer.WriteNumber("c", 1);
        writer.WriteEndObject();
    }

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Oracle(Action<Utf8JsonWriter> write)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output, Options))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static double[] Bounds(int[] shape, double bound) =>
        Enumerable.Repeat(bound, shape.Aggregate(1, (product, dimension) => product * dimension)).ToArray();

    /// <summary>Random bytes (every bit pattern: NaN payloads, denormals, extremes), with float elements sometimes
    /// replaced by small integral values, which take ".0".</summary>
    private static byte[] Values(int byteSize, DType dtype, int seed)
    {
        var random = new System.Random(seed);
        var value = new byte[byteSize];
        random.NextBytes(value);
        var size = DTypes.SizeOf(dtype);
        if (DTypes.IsFloat(dtype))
        {
            for (var i = 0; i < byteSize / size; i += 3)
            {
                Elements.WriteDouble(value, dtype, i, random.Next(-300, 300));
            }
        }
        if (dtype == DType.Bool)
        {
            for (var i = 0; i < byteSize; i++)
            {
                value[i] = (byte)(value[i] & 1);
            }
        }
        return value;
    }
}
