using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Environments;

namespace GymServer.Engine.Spaces;

/// <summary>
/// Gymnasium's <c>Dict(spaces)</c>. Built from a dictionary, the keys are sorted as Gymnasium sorts them (by
/// code point); <see cref="Ordered"/> keeps a given order, as Gymnasium does for an OrderedDict or a list of pairs.
/// A value is the subspaces' values one after another, in key order; its JSON form is an object.
/// </summary>
public sealed class DictSpace : Space
{
    private readonly string[] _keys;
    private readonly Space[] _spaces;
    private readonly int[] _offsets;

    /// <summary>Gymnasium's <c>Dict(dict)</c>: the keys sorted.</summary>
    public DictSpace(IReadOnlyDictionary<string, Space> spaces)
        : this(spaces.OrderBy(pair => pair.Key, CodePointComparer.Instance).Select(pair => (pair.Key, pair.Value)))
    {
    }

    private DictSpace(IEnumerable<(string Key, Space Space)> spaces)
    {
        var list = spaces.ToList();
        _keys = list.Select(pair => pair.Key).ToArray();
        _spaces = list.Select(pair => pair.Space).ToArray();
        var duplicate = _keys.GroupBy(key => key, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Dict space key '{duplicate.Key}' appears more than once");
        }
        _offsets = CompositeSeeding.Offsets(_spaces);
    }

    /// <summary>Gymnasium's <c>Dict(OrderedDict(...))</c> or <c>Dict([(key, space), ...])</c>: the order kept.</summary>
    public static DictSpace Ordered(params (string Key, Space Space)[] spaces) => new(spaces);

    public IReadOnlyList<string> Keys => _keys;

    public IReadOnlyList<Space> Spaces => _spaces;

    public Space this[string key] => _spaces[IndexOf(key)];

    public override string TypeName => "Dict";

    public override int ByteSize => _offsets[^1];

    /// <summary>The bytes of the subspace under <paramref name="key"/> within a value of this space.</summary>
    public Range ElementRange(string key)
    {
        var index = IndexOf(key);
        return _offsets[index].._offsets[index + 1];
    }

    /// <summary>As Tuple: with a seed, subseeds from this space's generator in key order; with none, OS entropy each.</summary>
    public override void Seed(BigInteger? seed)
    {
        if (seed is null)
        {
            CompositeSeeding.SeedEachWithEntropy(_spaces);
            return;
        }
        base.Seed(seed);
        CompositeSeeding.SeedEachFrom(NpRandom, _spaces);
    }

    /// <summary>Gymnasium's <c>seed({key: seed, ...})</c>: exactly the space's keys, each with its seed (or null).</summary>
    public void Seed(IReadOnlyDictionary<string, BigInteger?> seeds)
    {
        if (seeds.Count != _keys.Length || !_keys.All(seeds.ContainsKey))
        {
            throw new ArgumentException($"seed keys [{string.Join(", ", seeds.Keys)}] must be the space's keys [{string.Join(", ", _keys)}]", nameof(seeds));
        }
        for (var i = 0; i < _keys.Length; i++)
        {
            _spaces[i].Seed(seeds[_keys[i]]);
        }
    }

    public override void Sample(Span<byte> destination)
    {
        for (var i = 0; i < _spaces.Length; i++)
        {
            _spaces[i].Sample(destination[_offsets[i].._offsets[i + 1]]);
        }
    }

    public override bool Contains(ReadOnlySpan<byte> value)
    {
        if (value.Length != ByteSize)
        {
            return false;
        }
        for (var i = 0; i < _spaces.Length; i++)
        {
            if (!_spaces[i].Contains(value[_offsets[i].._offsets[i + 1]]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary><c>{"type":"Dict","spaces":{"key":{...},...}}</c>, keys in the space's order.</summary>
    public override void WriteDescription(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("type", TypeName);
        writer.WriteStartObject("spaces");
        for (var i = 0; i < _keys.Length; i++)
        {
            writer.WritePropertyName(_keys[i]);
            _spaces[i].WriteDescription(writer);
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public override void WriteValue(ReadOnlySpan<byte> value, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        for (var i = 0; i < _keys.Length; i++)
        {
            writer.WritePropertyName(_keys[i]);
            _spaces[i].WriteValue(value[_offsets[i].._offsets[i + 1]], writer);
        }
        writer.WriteEndObject();
    }

    /// <summary>Reads an object with exactly the space's keys, in any order (Gymnasium's contains wants them all).</summary>
    public override void ReadValue(JsonElement json, Span<byte> destination)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new EnvException(EnvErrorCodes.InvalidAction, $"expected an object with keys [{string.Join(", ", _keys)}] for Dict, got {json.ValueKind.ToString().ToLowerInvariant()}");
        }
        Span<bool> seen = _keys.Length <= 256 ? stackalloc bool[_keys.Length] : new bool[_keys.Length];
        foreach (var property in json.EnumerateObject())
        {
            var index = Array.IndexOf(_keys, property.Name);
            if (index < 0)
            {
                throw new EnvException(EnvErrorCodes.InvalidAction, $"Dict has no key '{property.Name}' (keys: {string.Join(", ", _keys)})");
            }
            if (seen[index])
            {
                throw new EnvException(EnvErrorCodes.InvalidAction, $"Dict value has key '{property.Name}' twice");
            }
            _spaces[index].ReadValue(property.Value, destination[_offsets[index].._offsets[index + 1]]);
            seen[index] = true;
        }
        var missing = seen.IndexOf(false);
        if (missing >= 0)
        {
            throw new EnvException(EnvErrorCodes.InvalidAction, $"Dict value lacks key '{_keys[missing]}'");
        }
    }

    private int IndexOf(string key)
    {
        var index = Array.IndexOf(_keys, key);
        return index >= 0 ? index : throw new KeyNotFoundException($"Dict has no key '{key}' (keys: {string.Join(", ", _keys)})");
    }
}
