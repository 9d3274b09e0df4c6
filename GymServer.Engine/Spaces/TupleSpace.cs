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
        _offsets = new int[spaces.Length + 1];
        for (var i = 0; i < spaces.Length; i++)
        {
            _offsets[i + 1] = _offsets[i] + spaces[i].ByteSize;
        }
    }

    public IReadOnlyList<Space> Spaces => _spaces;

    public override string TypeName => "Tuple";

    public override int ByteSize => _offsets[^1];

    /// <summary>The bytes of the i-th element within a value of this space.</summary>
    public Range ElementRange(int index) => _offsets[index].._offsets[index + 1];

    /// <summary>
    /// Gymnasium: seed this space, then seed each subspace with <c>np_random.integers(int32 max, size=n)</c>.
    /// With no seed, every subspace draws its own OS entropy.
    /// </summary>
    public override void Seed(BigInteger? seed)
    {
        base.Seed(seed);
        if (seed is null)
        {
            foreach (var space in _spaces)
            {
                space.Seed(null);
            }
            return;
        }
        Span<long> subseeds = stackalloc long[_spaces.Length];
        NpRandom.Integers(0, int.MaxValue, subseeds);
        for (var i = 0; i < _spaces.Length; i++)
        {
            _spaces[i].Seed(subseeds[i]);
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
            throw new EnvException(EnvErrorCodes.InvalidAction, $"expected a list of {_spaces.Length} values for Tuple");
        }
        var i = 0;
        foreach (var item in json.EnumerateArray())
        {
            _spaces[i].ReadValue(item, destination[ElementRange(i)]);
            i++;
        }
    }
}
