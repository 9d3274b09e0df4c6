using System.Runtime.InteropServices;
using System.Text.Json;

namespace GymServer.Engine.Spaces;

/// <summary>
/// Gymnasium's <c>MultiBinary(n)</c>: int8 elements, each 0 or 1, of shape (n,) or the shape given.
/// A value is held as int8s, row-major.
/// </summary>
public sealed class MultiBinary : Space
{
    private readonly int[] _shape;
    // Gymnasium keeps n as given: an int, or a tuple for a shape. The description writes it back the same way.
    private readonly bool _nIsShape;

    public MultiBinary(int n)
        : this([n], nIsShape: false)
    {
    }

    public MultiBinary(int[] shape)
        : this(shape, nIsShape: true)
    {
    }

    private MultiBinary(int[] shape, bool nIsShape)
    {
        if (shape.Length == 0 || shape.Any(dimension => dimension <= 0))
        {
            throw new ArgumentException($"MultiBinary n must be positive, got ({string.Join(", ", shape)})");
        }
        _shape = [.. shape];
        _nIsShape = nIsShape;
        Count = _shape.Aggregate(1, (product, dimension) => checked(product * dimension));
    }

    public ReadOnlySpan<int> Shape => _shape;

    public int Count { get; }

    public override string TypeName => "MultiBinary";

    public override int ByteSize => Count;

    public override bool Contains(ReadOnlySpan<byte> value)
    {
        if (value.Length != ByteSize)
        {
            return false;
        }
        foreach (var element in value)
        {
            if (element > 1)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Gymnasium: <c>np_random.integers(0, 2, size=n, dtype=np.int8)</c>, numpy's 8-bit buffered path.</summary>
    public override void Sample(Span<byte> destination) =>
        NpRandom.Integers(0, 2, MemoryMarshal.Cast<byte, sbyte>(destination[..ByteSize]));

    /// <summary><c>{"type":"MultiBinary","n":5}</c>, or <c>"n":[2,3]</c> for a shape.</summary>
    public override void WriteDescription(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("type", TypeName);
        if (_nIsShape)
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

    public override void WriteValue(ReadOnlySpan<byte> value, Utf8JsonWriter writer) =>
        NestedValues.Write(writer, _shape, value, DType.Int8);

    public override void ReadValue(JsonElement json, Span<byte> destination) =>
        NestedValues.Read(json, _shape, destination[..ByteSize], DType.Int8, $"MultiBinary({string.Join(", ", _shape)})");
}
