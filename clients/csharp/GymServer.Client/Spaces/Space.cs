using System.Text.Json;
using GymServer.Protocol;
using GymServer.Protocol.Spaces;

namespace GymServer.Client.Spaces;

/// <summary>
/// A Gymnasium space, rebuilt from protocol 2's full description. Values are plain .NET objects: a Discrete value is
/// a <see cref="long"/>; a Box value an array of its dtype's element type (<c>float[]</c> for float32,
/// <c>double[]</c> for float64, <c>byte[]</c> for uint8, ...), flat in row-major order; a MultiDiscrete value a
/// <c>long[]</c>; a MultiBinary value a <c>byte[]</c> of 0 and 1; a Tuple value an <c>object[]</c> of its parts; a
/// Dict value an <see cref="IReadOnlyDictionary{TKey, TValue}"/> of string to part, in the space's key order.
/// </summary>
/// <remarks>
/// The description, the raw layout and the JSON forms are the server's own (GymServer.Protocol's
/// <see cref="SpaceDescription"/>): a space converts between .NET objects and the raw layout, and the description
/// takes it from there.
/// </remarks>
public abstract class Space
{
    private protected Space(SpaceDescription description)
    {
        Description = description;
    }

    /// <summary>The space's type name on the wire: "Discrete", "Box", "MultiDiscrete", "MultiBinary", "Tuple", "Dict".</summary>
    public string TypeName => Description.TypeName;

    /// <summary>Bytes of one value in the binary encoding's raw layout.</summary>
    public int ByteSize => Description.ByteSize;

    /// <summary>The space as the wire describes it.</summary>
    internal SpaceDescription Description { get; }

    /// <summary>Whether <paramref name="value"/> is a value of this space (Gymnasium's <c>contains</c>).</summary>
    public abstract bool Contains(object? value);

    /// <summary>Reads a value from its JSON form (Gymnasium's <c>to_jsonable</c>).</summary>
    /// <exception cref="GymServerException">The JSON is not a value of this space (code <c>bad_reply</c>).</exception>
    public object ReadJson(JsonElement json)
    {
        var bytes = new byte[ByteSize];
        try
        {
            Description.ReadValue(json, bytes);
        }
        catch (ProtocolException e)
        {
            throw new GymServerException(GymServerException.BadReply, $"not a value of {this}: {e.Message}", e);
        }
        return ReadBytes(bytes);
    }

    /// <summary>Writes a value in its JSON form (float32 elements with the fewest digits that read back).</summary>
    /// <exception cref="ArgumentException">The value is not of this space's .NET type or shape.</exception>
    public void WriteJson(Utf8JsonWriter writer, object value)
    {
        Span<byte> bytes = ByteSize <= 1024 ? stackalloc byte[ByteSize] : new byte[ByteSize];
        WriteBytes(value, bytes);
        Description.WriteValue(bytes, writer, Float32Json.Shortest);
    }

    /// <summary>Reads a value from its raw little-endian layout (<see cref="ByteSize"/> bytes).</summary>
    public abstract object ReadBytes(ReadOnlySpan<byte> bytes);

    /// <summary>Writes a value in its raw little-endian layout (<see cref="ByteSize"/> bytes).</summary>
    /// <exception cref="ArgumentException">The value is not of this space's .NET type or shape.</exception>
    public abstract void WriteBytes(object value, Span<byte> bytes);

    /// <summary>Builds a space from its protocol-2 description (<c>{"type":"Box","shape":[4],...}</c>).</summary>
    /// <exception cref="GymServerException">The description is not one of a space this client knows (code <c>bad_reply</c>).</exception>
    public static Space Parse(JsonElement description)
    {
        try
        {
            return From(SpaceDescription.Parse(description));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new GymServerException(GymServerException.BadReply, $"not a space description: {description.GetRawText()} ({e.Message})", e);
        }
    }

    private static Space From(SpaceDescription description) => description switch
    {
        DiscreteDescription discrete => new Discrete(discrete),
        BoxDescription box => new Box(box),
        MultiDiscreteDescription multi => new MultiDiscrete(multi),
        MultiBinaryDescription binary => new MultiBinary(binary),
        TupleDescription tuple => new TupleSpace([.. tuple.Spaces.Select(From)]),
        DictDescription dict => new DictSpace([.. dict.Keys.Select((key, i) => KeyValuePair.Create(key, From(dict.Spaces[i])))]),
        _ => throw new ArgumentException($"unknown space type '{description.TypeName}'"),
    };

    /// <summary>The exception for a value that is not of the space's form.</summary>
    private protected ArgumentException NotAValue(object? value, string expected) =>
        new($"{value?.GetType().Name ?? "null"} is not a value of {this}: expected {expected}", nameof(value));
}
