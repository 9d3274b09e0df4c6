using System.Text.Json;
using GymServer.Engine.Environments;

namespace GymServer.Engine.Spaces;

/// <summary>
/// Gymnasium's <c>Box(low, high, shape, dtype)</c>. Bounds are kept as float64 (every float32 and small integer
/// is exact in it), flat in row-major order.
/// </summary>
public sealed partial class Box : Space
{
    private readonly double[] _low;
    private readonly double[] _high;
    private readonly int[] _shape;

    public Box(double[] low, double[] high, int[] shape, DType dtype)
    {
        var count = shape.Aggregate(1, (product, dimension) => product * dimension);
        if (low.Length != count || high.Length != count)
        {
            throw new ArgumentException($"low and high must have {count} elements for shape ({string.Join(", ", shape)})");
        }
        _low = [.. low];
        _high = [.. high];
        _shape = [.. shape];
        DType = dtype;
        Count = count;
        if (dtype == DType.Float32)
        {
            // Gymnasium casts the bounds to the dtype; keep exactly what a float32 Box holds.
            for (var i = 0; i < count; i++)
            {
                _low[i] = (float)_low[i];
                _high[i] = (float)_high[i];
            }
        }
    }

    /// <summary>A Box with the same bounds on every element.</summary>
    public Box(double low, double high, int[] shape, DType dtype)
        : this(Fill(low, shape), Fill(high, shape), shape, dtype)
    {
    }

    public DType DType { get; }

    /// <summary>The number of elements.</summary>
    public int Count { get; }

    public ReadOnlySpan<int> Shape => _shape;

    public ReadOnlySpan<double> Low => _low;

    public ReadOnlySpan<double> High => _high;

    public override string TypeName => "Box";

    public override int ByteSize => Count * DTypes.SizeOf(DType);

    public bool IsBoundedBelow(int index) => !double.IsNegativeInfinity(_low[index]);

    public bool IsBoundedAbove(int index) => !double.IsPositiveInfinity(_high[index]);

    public override bool Contains(ReadOnlySpan<byte> value)
    {
        if (value.Length != ByteSize)
        {
            return false;
        }
        for (var i = 0; i < Count; i++)
        {
            var element = Elements.ReadDouble(value, DType, i);
            // NaN fails both comparisons, as in numpy.
            if (!(element >= _low[i] && element <= _high[i]))
            {
                return false;
            }
        }
        return true;
    }

    public override void WriteDescription(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("type", TypeName);
        writer.WriteStartArray("shape");
        foreach (var dimension in _shape)
        {
            writer.WriteNumberValue(dimension);
        }
        writer.WriteEndArray();
        writer.WriteString("dtype", DTypes.Name(DType));
        WriteBounds(writer, "low", _low);
        WriteBounds(writer, "high", _high);
        writer.WriteEndObject();
    }

    public override void WriteValue(ReadOnlySpan<byte> value, Utf8JsonWriter writer)
    {
        var index = 0;
        WriteNested(value, writer, 0, ref index);
    }

    public override void ReadValue(JsonElement json, Span<byte> destination)
    {
        if (json.ValueKind == JsonValueKind.Number)
        {
            if (Count != 1)
            {
                throw new EnvException(EnvErrorCodes.InvalidAction, $"expected {Count} numbers for Box of shape {ShapeText()}, got one");
            }
            Elements.WriteDouble(destination, DType, 0, json.GetDouble());
            return;
        }
        var index = 0;
        ReadNested(json, destination, ref index);
        if (index != Count)
        {
            throw new EnvException(EnvErrorCodes.InvalidAction, $"expected {Count} numbers for Box of shape {ShapeText()}, got {index}");
        }
    }

    public string ShapeText() => _shape.Length == 1 ? $"({_shape[0]},)" : $"({string.Join(", ", _shape)})";

    private void ReadNested(JsonElement json, Span<byte> destination, ref int index)
    {
        if (json.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in json.EnumerateArray())
            {
                ReadNested(item, destination, ref index);
            }
            return;
        }
        if (json.ValueKind != JsonValueKind.Number)
        {
            throw new EnvException(EnvErrorCodes.InvalidAction, $"expected numbers for Box of shape {ShapeText()}, got {json.ValueKind}");
        }
        if (index >= Count)
        {
            throw new EnvException(EnvErrorCodes.InvalidAction, $"too many numbers for Box of shape {ShapeText()}");
        }
        Elements.WriteDouble(destination, DType, index, json.GetDouble());
        index++;
    }

    private void WriteNested(ReadOnlySpan<byte> value, Utf8JsonWriter writer, int dimension, ref int index)
    {
        if (dimension == _shape.Length)
        {
            Elements.WriteJson(value, DType, index, writer);
            index++;
            return;
        }
        writer.WriteStartArray();
        for (var i = 0; i < _shape[dimension]; i++)
        {
            WriteNested(value, writer, dimension + 1, ref index);
        }
        writer.WriteEndArray();
    }

    private static void WriteBounds(Utf8JsonWriter writer, string name, double[] bounds)
    {
        writer.WriteStartArray(name);
        foreach (var bound in bounds)
        {
            Elements.WriteFloat(writer, bound);
        }
        writer.WriteEndArray();
    }

    private static double[] Fill(double value, int[] shape)
    {
        var array = new double[shape.Aggregate(1, (product, dimension) => product * dimension)];
        Array.Fill(array, value);
        return array;
    }
}
