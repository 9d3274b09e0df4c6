using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Environments;

namespace GymServer.Engine.Spaces;

/// <summary>Gymnasium's <c>Tuple(spaces)</c>: a value is the subspaces' values one after another.</summary>
public sealed class TupleSpace : Space
{
    private readonly Space[] _spaces;
    private readonly int[] _offsets;

    public TupleSpace(params Space[] spaces)
    {
        _spaces = [.. spaces];
        _offsets = CompositeSeeding.Offsets(_spaces);
    }

    public IReadOnlyList<Space> Spaces => _spaces;

    public override string TypeName => "Tuple";

    public override int ByteSize => _offsets[^1];

    /// <summary>The bytes of the i-th element within a value of this space.</summary>
    public Range ElementRange(int index) => _offsets[index].._offsets[index + 1];

    /// <summary>
    /// Gymnasium: with a seed, seed this space's generator, draw <c>integers(2**31 - 1, size=len(spaces))</c> from
    /// it and seed each subspace with one of them, in order. With none, each subspace draws OS entropy and this
    /// space's own generator is left as it is.
    /// </summary>
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

    /// <summary>Gymnasium's <c>seed([s0, s1, ...])</c>: one seed (or null) per subspace.</summary>
    public void Seed(IReadOnlyList<BigInteger?> seeds)
    {
        if (seeds.Count != _spaces.Length)
        {
            throw new ArgumentException($"Tuple of {_spaces.Length} spaces takes {_spaces.Length} seeds, not {seeds.Count}", nameof(seeds));
        }
        for (var i = 0; i < _spaces.Length; i++)
        {
            _spaces[i].Seed(seeds[i]);
        }
    }

    public override void Sample(Span<byte> destination)
    {
        for (var i = 0; i < _spaces.Length; i++)
        {
            _spaces[i].Sample(destination[ElementRange(i)]);
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
            if (!_spaces[i].Contains(value[ElementRange(i)]))
            {
                return false;
            }
        }
        return true;
    }

    public override void WriteDescription(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("type", TypeName);
        writer.WriteStartArray("spaces");
        foreach (var space in _spaces)
        {
            space.WriteDescription(writer);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public override void WriteValue(ReadOnlySpan<byte> value, Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        for (var i = 0; i < _spaces.Length; i++)
        {
            _spaces[i].WriteValue(value[ElementRange(i)], writer);
        }
        writer.WriteEndArray();
    }

    public override void ReadValue(JsonElement json, Span<byte> destination)
    {
        if (json.ValueKind != JsonValueKind.Array || json.GetArrayLength() != _spaces.Length)
        {
            throw new EnvException(EnvErrorCodes.InvalidAction, $"expected a list of {_spaces.Length} values for Tuple, got {json.ValueKind switch
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
