using System.Numerics;
using GymServer.Protocol.Spaces;

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
        // The description refuses a key that appears twice.
        Description = new DictDescription([.. list.Select(pair => (pair.Key, pair.Space.Description))]);
    }

    /// <summary>Gymnasium's <c>Dict(OrderedDict(...))</c> or <c>Dict([(key, space), ...])</c>: the order kept.</summary>
    public static DictSpace Ordered(params (string Key, Space Space)[] spaces) => new(spaces);

    public IReadOnlyList<string> Keys => _keys;

    public IReadOnlyList<Space> Spaces => _spaces;

    public Space this[string key] => _spaces[IndexOf(key)];

    public override string TypeName => "Dict";

    public override int ByteSize => Description.ByteSize;

    public override DictDescription Description { get; }

    /// <summary>The bytes of the subspace under <paramref name="key"/> within a value of this space.</summary>
    public Range ElementRange(string key)
    {
        return Description.ElementRange(IndexOf(key));
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
            _spaces[i].Sample(destination[Description.ElementRange(i)]);
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
            if (!_spaces[i].Contains(value[Description.ElementRange(i)]))
            {
                return false;
            }
        }
        return true;
    }

    private int IndexOf(string key)
    {
        var index = Array.IndexOf(_keys, key);
        return index >= 0 ? index : throw new KeyNotFoundException($"Dict has no key '{key}' (keys: {string.Join(", ", _keys)})");
    }
}
