using System.Text.Json;

namespace GymServer.Client.Spaces;

/// <summary>
/// A Gymnasium space, rebuilt from protocol 2's full description. Values are plain .NET objects: a Discrete value is
/// a <see cref="long"/>; a Box value an array of its dtype's element type (<c>float[]</c> for float32,
/// <c>double[]</c> for float64, <c>byte[]</c> for uint8, ...), flat in row-major order; a MultiDiscrete value a
/// <c>long[]</c>; a MultiBinary value a <c>byte[]</c> of 0 and 1; a Tuple value an <c>object[]</c> of its parts; a
/// Dict value an <see cref="IReadOnlyDictionary{TKey, TValue}"/> of string to part, in the space's key order.
/// </summary>
public abstract class Space
{
    /// <summary>The space's type name on the wire: "Discrete", "Box", "MultiDiscrete", "MultiBinary", "Tuple", "Dict".</summary>
    public abstract string TypeName { get; }

    /// <summary>Bytes of one value in the binary encoding's raw layout.</summary>
    public abstract int ByteSize { get; }

    /// <summary>Whether <paramref name="value"/> is a value of this space (Gymnasium's <c>contains</c>).</summary>
    public abstract bool Contains(object? value);

    /// <summary>Reads a value from its JSON form (Gymnasium's <c>to_jsonable</c>).</summary>
    public abstract object ReadJson(JsonElement json);

    /// <summary>Writes a value in its JSON form.</summary>
    /// <exception cref="ArgumentException">The value is not of this space's .NET type or shape.</exception>
    public abstract void WriteJson(Utf8JsonWriter writer, object value);

    /// <summary>Reads a value from its raw little-endian layout (<see cref="ByteSize"/> bytes).</summary>
    public abstract object ReadBytes(ReadOnlySpan<byte> bytes);

    /// <summary>Writes a value in its raw little-endian layout (<see cref="ByteSize"/> bytes).</summary>
    /// <exception cref="ArgumentException">The value is not of this space's .NET type or shape.</exception>
    public abstract void WriteBytes(object value, Span<byte> bytes);

    /// <summary>Builds a space from its protocol-2 description (<c>{"type":"Box","shape":[4],...}</c>).</summary>
    /// <exception cref="GymServerException">The description is not one of a known space (code <c>bad_reply</c>).</exception>
    public static Space Parse(JsonElement description)
    {
        try
        {
            var type = description.GetProperty("type").GetString();
            return type switch
            {
                "Discrete" => Discrete.FromDescription(description),
                "Box" => Box.FromDescription(description),
                "MultiDiscrete" => MultiDiscrete.FromDescription(description),
                "MultiBinary" => MultiBinary.FromDescription(description),
                "Tuple" => TupleSpace.FromDescription(description),
                "Dict" => DictSpace.FromDescription(description),
                _ => throw new GymServerException(GymServerException.BadReply, $"unknown space type '{type}' in {description.GetRawText()}"),
            };
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new GymServerException(GymServerException.BadReply, $"not a space description: {description.GetRawText()} ({e.Message})", e);
        }
    }

    /// <summary>The exception for a value that is not of the space's form.</summary>
    private protected ArgumentException NotAValue(object? value, string expected) =>
        new($"{value?.GetType().Name ?? "null"} is not a value of {this}: expected {expected}", nameof(value));
}
