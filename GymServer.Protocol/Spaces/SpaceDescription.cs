using System.Text.Json;

namespace GymServer.Protocol.Spaces;

/// <summary>
/// A Gymnasium space as the wire describes it, <c>{"type":"Box","shape":[4],...}</c>, and the forms its values take:
/// the raw little-endian layout (<see cref="ByteSize"/> bytes, as numpy lays a value out: Discrete as one int64, Box
/// as its dtype in row-major order, MultiDiscrete as int64s, MultiBinary as int8s, Tuple and Dict as their parts one
/// after another) and the JSON of Gymnasium's <c>to_jsonable</c>. The server's spaces (GymServer.Engine.Spaces) add
/// Gymnasium's semantics (bounds checks, sampling) and hand out their description; the C# client builds its spaces
/// from the descriptions it reads. One subclass per space type.
/// </summary>
public abstract class SpaceDescription
{
    private protected SpaceDescription()
    {
    }

    /// <summary>Gymnasium's class name: "Discrete", "Box", "MultiDiscrete", "MultiBinary", "Tuple", "Dict".</summary>
    public abstract string TypeName { get; }

    /// <summary>The number of bytes of one value in the raw layout.</summary>
    public abstract int ByteSize { get; }

    /// <summary>
    /// Writes the description: <c>{"type":"Box",...}</c>. Infinite bounds are written as the strings "inf" and "-inf",
    /// since JSON has no infinity.
    /// </summary>
    public abstract void WriteTo(Utf8JsonWriter writer);

    /// <summary>Writes a value (raw layout) as Gymnasium's <c>to_jsonable</c> would: numbers, nested lists, objects.</summary>
    public void WriteValue(ReadOnlySpan<byte> value, Utf8JsonWriter writer) => WriteValue(value, writer, Float32Json.AsFloat64);

    /// <summary>Writes a value (raw layout) in its JSON form, float32 elements as <paramref name="float32"/> says.</summary>
    public abstract void WriteValue(ReadOnlySpan<byte> value, Utf8JsonWriter writer, Float32Json float32);

    /// <summary>
    /// Reads a JSON value into the raw layout. Throws <see cref="ProtocolException"/> with code invalid_action when the
    /// JSON does not have the space's form. Bounds are not checked: that is the space's own business.
    /// </summary>
    public abstract void ReadValue(JsonElement json, Span<byte> destination);

    /// <summary>Reads a description; throws <see cref="InvalidSpaceDescriptionException"/> saying where and why it is not one.</summary>
    public static SpaceDescription Parse(JsonElement description) => SpaceDescriptionReader.Read(description);

    /// <inheritdoc cref="Parse(JsonElement)"/>
    public static SpaceDescription Parse(string json) => SpaceDescriptionReader.Read(json);

    /// <summary>The description as a JSON string (for logs, errors and catalogues, not the step path).</summary>
    public string ToJson() => Json(WriteTo);

    /// <summary>A value as a JSON string (for logs, errors and tests, not the step path).</summary>
    public string ValueJson(ReadOnlySpan<byte> value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            WriteValue(value, writer);
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <inheritdoc />
    public override string ToString() => ToJson();

    /// <summary>Offsets of each part's bytes in a value of a Tuple or Dict, with the total at the end.</summary>
    private protected static int[] Offsets(SpaceDescription[] parts)
    {
        var offsets = new int[parts.Length + 1];
        for (var i = 0; i < parts.Length; i++)
        {
            offsets[i + 1] = offsets[i] + parts[i].ByteSize;
        }
        return offsets;
    }

    private protected static int ElementCount(int[] shape)
    {
        if (shape.Any(dimension => dimension < 0))
        {
            throw new ArgumentException($"shape ({string.Join(", ", shape)}) has a negative dimension", nameof(shape));
        }
        return shape.Aggregate(1, (product, dimension) => checked(product * dimension));
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
