using GymServer.Protocol.Spaces;

namespace GymServer.Client.Spaces;

/// <summary>
/// Gymnasium's <c>Dict(spaces)</c>: values are <see cref="IReadOnlyDictionary{TKey, TValue}"/> of key to part. The
/// binary layout concatenates the parts in the space's key order.
/// </summary>
public sealed class DictSpace : Space
{
    /// <summary>Creates the space of the given keys and subspaces, in order.</summary>
    /// <exception cref="ArgumentException">A key appears twice.</exception>
    public DictSpace(IReadOnlyList<KeyValuePair<string, Space>> spaces)
        : base(new DictDescription([.. spaces.Select(pair => (pair.Key, pair.Value.Description))]))
    {
        Spaces = spaces;
    }

    /// <summary>The keys and their subspaces, in Gymnasium's key order.</summary>
    public IReadOnlyList<KeyValuePair<string, Space>> Spaces { get; }

    /// <summary>The subspace of a key.</summary>
    public Space this[string key] => Spaces.First(p => p.Key == key).Value;


    /// <inheritdoc />
    public override bool Contains(object? value) =>
        value is IReadOnlyDictionary<string, object> parts && parts.Count == Spaces.Count
        && Spaces.All(p => parts.TryGetValue(p.Key, out var part) && p.Value.Contains(part));

    /// <inheritdoc />
    public override object ReadBytes(ReadOnlySpan<byte> bytes)
    {
        var result = new Dictionary<string, object>();
        var offset = 0;
        foreach (var (key, space) in Spaces)
        {
            result[key] = space.ReadBytes(bytes[offset..]);
            offset += space.ByteSize;
        }
        return result;
    }

    /// <inheritdoc />
    public override void WriteBytes(object value, Span<byte> bytes)
    {
        var parts = ToParts(value);
        var offset = 0;
        foreach (var (key, space) in Spaces)
        {
            space.WriteBytes(Part(parts, key, value), bytes[offset..]);
            offset += space.ByteSize;
        }
    }

    private IReadOnlyDictionary<string, object> ToParts(object value) =>
        value as IReadOnlyDictionary<string, object> ?? throw NotAValue(value, "an IReadOnlyDictionary<string, object>");

    private object Part(IReadOnlyDictionary<string, object> parts, string key, object value) =>
        parts.TryGetValue(key, out var part) ? part : throw NotAValue(value, $"a dictionary with the key '{key}'");

    /// <inheritdoc />
    public override string ToString() => $"Dict({string.Join(", ", Spaces.Select(p => $"{p.Key}: {p.Value}"))})";
}
