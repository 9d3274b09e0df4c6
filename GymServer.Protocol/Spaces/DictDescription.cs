using System.Text.Json;

namespace GymServer.Protocol.Spaces;

/// <summary>
/// <c>{"type":"Dict","spaces":{"key":{..},..}}</c>, keys in the space's order: a value is the parts' values one after
/// another in that order; its JSON form an object.
/// </summary>
public sealed class DictDescription : SpaceDescription
{
    private readonly string[] _keys;
    private readonly SpaceDescription[] _spaces;
    private readonly int[] _offsets;

    /// <summary>The parts in the order given (the order of the space that wrote the description).</summary>
    public DictDescription(params (string Key, SpaceDescription Space)[] spaces)
    {
        _keys = [.. spaces.Select(pair => pair.Key)];
        _spaces = [.. spaces.Select(pair => pair.Space)];
        var duplicate = _keys.GroupBy(key => key, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Dict space key '{duplicate.Key}' appears more than once");
        }
        _offsets = Offsets(_spaces);
    }

    public IReadOnlyList<string> Keys => _keys;

    public IReadOnlyList<SpaceDescription> Spaces => _spaces;

    public override string TypeName => "Dict";

    public override int ByteSize => _offsets[^1];

    /// <summary>The bytes of the i-th part (in key order) within a value of this space.</summary>
    public Range ElementRange(int index) => _offsets[index].._offsets[index + 1];

    public override void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("type", TypeName);
        writer.WriteStartObject("spaces");
        for (var i = 0; i < _keys.Length; i++)
        {
            writer.WritePropertyName(_keys[i]);
            _spaces[i].WriteTo(writer);
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public override void WriteValue(ReadOnlySpan<byte> value, Utf8JsonWriter writer, Float32Json float32)
    {
        writer.WriteStartObject();
        for (var i = 0; i < _keys.Length; i++)
        {
            writer.WritePropertyName(_keys[i]);
            _spaces[i].WriteValue(value[ElementRange(i)], writer, float32);
        }
        writer.WriteEndObject();
    }

    /// <summary>Reads an object with exactly the space's keys, in any order (Gymnasium's contains wants them all).</summary>
    public override void ReadValue(JsonElement json, Span<byte> destination)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw Invalid($"expected an object with keys [{string.Join(", ", _keys)}] for Dict, got {json.ValueKind.ToString().ToLowerInvariant()}");
        }
        Span<bool> seen = _keys.Length <= 256 ? stackalloc bool[_keys.Length] : new bool[_keys.Length];
        foreach (var property in json.EnumerateObject())
        {
            var index = Array.IndexOf(_keys, property.Name);
            if (index < 0)
            {
                throw Invalid($"Dict has no key '{property.Name}' (keys: {string.Join(", ", _keys)})");
            }
            if (seen[index])
            {
                throw Invalid($"Dict value has key '{property.Name}' twice");
            }
            _spaces[index].ReadValue(property.Value, destination[ElementRange(index)]);
            seen[index] = true;
        }
        var missing = seen.IndexOf(false);
        if (missing >= 0)
        {
            throw Invalid($"Dict value lacks key '{_keys[missing]}'");
        }
    }

    private static ProtocolException Invalid(string message) => new(EnvErrorCodes.InvalidAction, message);
}
