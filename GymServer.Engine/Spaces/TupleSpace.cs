using System.Numerics;
using GymServer.Protocol.Spaces;

namespace GymServer.Engine.Spaces;

/// <summary>Gymnasium's <c>Tuple(spaces)</c>: a value is the subspaces' values one after another.</summary>
public sealed class TupleSpace : Space
{
    private readonly Space[] _spaces;

    public TupleSpace(params Space[] spaces)
    {
        _spaces = [.. spaces];
        Description = new TupleDescription([.. _spaces.Select(space => space.Description)]);
    }

    public IReadOnlyList<Space> Spaces => _spaces;

    public override string TypeName => "Tuple";

    public override int ByteSize => Description.ByteSize;

    public override TupleDescription Description { get; }

    /// <summary>The bytes of the i-th element within a value of this space.</summary>
    public Range ElementRange(int index) => Description.ElementRange(index);

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
}
