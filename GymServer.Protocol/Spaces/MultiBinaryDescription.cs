using System.Text.Json;

namespace GymServer.Protocol.Spaces;

/// <summary>
/// <c>{"type":"MultiBinary","n":5}</c>, or <c>"n":[2,3]</c> for a shape: int8 elements, each 0 or 1. A value is its
/// int8s, row-major.
/// </summary>
public sealed class MultiBinaryDescription : SpaceDescription
{
    private readonly int[] _shape;

    /// <param name="shape">The shape.</param>
    /// <param name="nIsShape">
    /// Whether n is written as a list: Gymnasium keeps n as given, an int or a tuple for a shape, and the description
    /// writes it back the same way.
    /// </param>
    public MultiBinaryDescription(int[] shape, bool nIsShape)
    {
        if (shape.Length == 0 || (!nIsShape && shape.Length != 1))
        {
            throw new ArgumentException($"MultiBinary n must be one dimension or a shape, got ({string.Join(", ", shape)})");
        }
        _shape = [.. shape];
        NIsShape = nIsShape;
        Count = ElementCount(_shape);
    }

    public ReadOnlySpan<int> Shape => _shape;

    /// <summary>Whether n is a shape (a list) rather than a number.</summary>
    public bool NIsShape { get; }

    /// <summary>The number of elements.</summary>
    public int Count { get; }

    public override string TypeName => "MultiBinary";

    public override int ByteSize => Count;

    public override void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("type", TypeName);
        if (NIsShape)
        {
            writer.WriteStartArray("n");
            foreach (var dimension in _shape)
            {
                writer.WriteNumberValue(dimension);
            }
            writer.WriteEndArray();
        }
        else
        {
            writer.WriteNumber("n", _shape[0]);
        }
        writer.WriteEndObject();
    }

    public override void WriteValue(ReadOnlySpan<byte> value, Utf8JsonWriter writer, Float32Json float32) =>
        NestedValues.Write(writer, _shape, value, DType.Int8);

    public override void ReadValue(JsonElement json, Span<byte> destination) =>
        NestedValues.Read(json, _shape, destination[..ByteSize], DType.Int8, $"MultiBinary({string.Join(", ", _shape)})");
}
