using GymServer.Protocol.Spaces;

namespace GymServer.Client.Spaces;

/// <summary>Gymnasium's <c>Tuple(spaces)</c>: values are <c>object[]</c>, one part per subspace.</summary>
public sealed class TupleSpace : Space
{
    /// <summary>Creates the space of the given parts.</summary>
    public TupleSpace(IReadOnlyList<Space> spaces)
        : base(new TupleDescription([.. spaces.Select(space => space.Description)]))
    {
        Spaces = spaces;
    }

    /// <summary>The subspaces, in order.</summary>
    public IReadOnlyList<Space> Spaces { get; }


    /// <inheritdoc />
    public override bool Contains(object? value) =>
        value is object[] parts && parts.Length == Spaces.Count && Spaces.Select((s, i) => s.Contains(parts[i])).All(x => x);

    /// <inheritdoc />
    public override object ReadBytes(ReadOnlySpan<byte> bytes)
    {
        var parts = new object[Spaces.Count];
        var offset = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = Spaces[i].ReadBytes(bytes[offset..]);
            offset += Spaces[i].ByteSize;
        }
        return parts;
    }

    /// <inheritdoc />
    public override void WriteBytes(object value, Span<byte> bytes)
    {
        var parts = ToParts(value);
        var offset = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            Spaces[i].WriteBytes(parts[i], bytes[offset..]);
            offset += Spaces[i].ByteSize;
        }
    }

    private object[] ToParts(object value) =>
        value is object[] parts && parts.Length == Spaces.Count ? parts : throw NotAValue(value, $"an object[] of {Spaces.Count} parts");

    /// <inheritdoc />
    public override string ToString() => $"Tuple({string.Join(", ", Spaces)})";
}
