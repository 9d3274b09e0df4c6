using System.Text.Json;

namespace GymServer.Protocol.Spaces;

/// <summary>
/// <c>{"type":"Tuple","spaces":[..]}</c>: a value is the parts' values one after another; its JSON form a list.
/// </summary>
public sealed class TupleDescription : SpaceDescription
{
    private readonly SpaceDescription[] _spaces;
    private readonly int[] _offsets;

    public TupleDescription(params SpaceDescription[] spaces)
    {
        _spaces = [.. spaces];
        _offsets = Offsets(_spaces);
    }

    public IReadOnlyList<SpaceDescription> Spaces => _spaces;

    public override string TypeName => "Tuple";

    public override int ByteSize => _offsets[^1];

    /// <summary>The bytes of the i-th part within a value of this space.</summary>
    public Range ElementRange(int index) => _offsets[index].._offsets[index + 1];

    public override void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("type", TypeName);
        writer.WriteStartArray("spaces");
        foreach (var space in _spaces)
        {
            space.WriteTo(writer);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public override void WriteValue(ReadOnlySpan<byte> value, Utf8JsonWriter writer, Float32Json float32)
    {
        writer.WriteStartArray();
        for (var i = 0; i < _spaces.Length; i++)
        {
            _spaces[i].WriteValue(value[ElementRange(i)], writer, float32);
        }
        writer.WriteEndArray();
    }

    public override void ReadValue(JsonElement json, Span<byte> destination)
    {
        if (json.ValueKind != JsonValueKind.Array || json.GetArrayLength() != _spaces.Length)
        {
            throw new ProtocolException(EnvErrorCodes.InvalidAction, $"expected a list of {_spaces.Length} values for Tuple, got {json.ValueKind switch
            {
                JsonValueKind.Array => $"a list of {json.GetArrayLength()}",
                _ => json.ValueKind.ToString().ToLowerInvariant(),
            }}");
        }
        var i = 0;
        foreach (var item in json.EnumerateArray())
        {
            _spaces[i].ReadValue(item, destination[ElementRange(i)]);
            i++;
        }
    }
}
