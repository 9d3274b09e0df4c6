using System.Text.Json;

namespace GymServer.Protocol.Spaces;

/// <summary>
/// <c>{"type":"Box","shape":[..],"dtype":"float32","low":[..],"high":[..]}</c>: bounds as flat lists, floats in their
/// shortest round-trip form, integers exactly, and "-inf" / "inf" where the Box is unbounded (for signed integer
/// Boxes too, so that a description read back keeps the element unbounded). A value is its elements in the dtype,
/// row-major; its JSON form nested lists of the shape, as numpy's <c>tolist()</c> writes them.
/// </summary>
public sealed class BoxDescription : SpaceDescription
{
    private readonly int[] _shape;
    private readonly double[] _low;
    private readonly double[] _high;
    private readonly Int128?[]? _exactLow;
    private readonly Int128?[]? _exactHigh;

    /// <param name="shape">The shape.</param>
    /// <param name="dtype">The element type.</param>
    /// <param name="low">Lower bounds, flat: -infinity where unbounded.</param>
    /// <param name="high">Upper bounds, flat: +infinity where unbounded.</param>
    /// <param name="exactLow">For integer dtypes, the exact value of each finite bound (int64 limits do not survive a
    /// double); null elements, or no array, where there is none.</param>
    /// <param name="exactHigh">As <paramref name="exactLow"/>, for the upper bounds.</param>
    public BoxDescription(int[] shape, DType dtype, double[] low, double[] high, Int128?[]? exactLow = null, Int128?[]? exactHigh = null)
    {
        Count = ElementCount(shape);
        if (low.Length != Count || high.Length != Count || (exactLow?.Length ?? Count) != Count || (exactHigh?.Length ?? Count) != Count)
        {
            throw new ArgumentException($"Box low and high must have {Count} elements for shape {ShapeText(shape)}, got {low.Length} and {high.Length}");
        }
        _shape = [.. shape];
        DType = dtype;
        _low = [.. low];
        _high = [.. high];
        _exactLow = exactLow is null ? null : [.. exactLow];
        _exactHigh = exactHigh is null ? null : [.. exactHigh];
    }

    public ReadOnlySpan<int> Shape => _shape;

    public DType DType { get; }

    /// <summary>The number of elements.</summary>
    public int Count { get; }

    /// <summary>Lower bounds, flat (-infinity where unbounded).</summary>
    public ReadOnlySpan<double> Low => _low;

    /// <summary>Upper bounds, flat (+infinity where unbounded).</summary>
    public ReadOnlySpan<double> High => _high;

    /// <summary>The exact lower bound of element <paramref name="index"/> of an integer Box, if the description has one.</summary>
    public Int128? ExactLow(int index) => _exactLow?[index];

    /// <summary>The exact upper bound of element <paramref name="index"/> of an integer Box, if the description has one.</summary>
    public Int128? ExactHigh(int index) => _exactHigh?[index];

    public override string TypeName => "Box";

    public override int ByteSize => Count * DTypes.SizeOf(DType);

    /// <summary>The shape as Python prints a tuple: "(4,)", "(2, 3)".</summary>
    public string ShapeText() => ShapeText(_shape);

    public override void WriteTo(Utf8JsonWriter writer)
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
        WriteBounds(writer, "low", _low, _exactLow);
        WriteBounds(writer, "high", _high, _exactHigh);
        writer.WriteEndObject();
    }

    public override void WriteValue(ReadOnlySpan<byte> value, Utf8JsonWriter writer, Float32Json float32) =>
        NestedValues.Write(writer, _shape, value, DType, float32);

    /// <summary>
    /// Reads nested lists of the Box's shape, a flat list of its elements, or a bare number for a one-element
    /// Box. Integer Boxes take whole numbers within the dtype only: a value is never silently truncated or wrapped.
    /// </summary>
    public override void ReadValue(JsonElement json, Span<byte> destination) =>
        NestedValues.Read(json, _shape, destination[..ByteSize], DType, $"Box{ShapeText()} {DTypes.Name(DType)}");

    private static void WriteBounds(Utf8JsonWriter writer, string name, double[] bounds, Int128?[]? exact)
    {
        writer.WriteStartArray(name);
        for (var i = 0; i < bounds.Length; i++)
        {
            switch (exact?[i])
            {
                case null:
                    Elements.WriteFloat(writer, bounds[i]);
                    break;
                case { } value when value > long.MaxValue:
                    writer.WriteNumberValue((ulong)value);
                    break;
                case { } value:
                    writer.WriteNumberValue((long)value);
                    break;
            }
        }
        writer.WriteEndArray();
    }

    private static string ShapeText(int[] shape) => shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
}
