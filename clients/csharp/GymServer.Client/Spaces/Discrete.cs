using GymServer.Protocol.Spaces;

namespace GymServer.Client.Spaces;

/// <summary>Gymnasium's <c>Discrete(n, start)</c>: the integers start .. start + n - 1, as <see cref="long"/> values.</summary>
public sealed class Discrete : Space
{
    /// <summary>Creates the space of <paramref name="n"/> integers from <paramref name="start"/>.</summary>
    public Discrete(long n, long start = 0)
        : this(new DiscreteDescription(n, start))
    {
    }

    internal Discrete(DiscreteDescription description)
        : base(description)
    {
        N = description.N;
        Start = description.Start;
    }

    /// <summary>The number of values.</summary>
    public long N { get; }

    /// <summary>The smallest value.</summary>
    public long Start { get; }

    /// <inheritdoc />
    public override bool Contains(object? value) =>
        NumberConversions.TryToInt64(value, out var x) && x >= Start && x < Start + N;

    /// <inheritdoc />
    public override object ReadBytes(ReadOnlySpan<byte> bytes) => DiscreteDescription.Read(bytes);

    /// <inheritdoc />
    public override void WriteBytes(object value, Span<byte> bytes) => DiscreteDescription.Write(bytes, ToInt64(value));

    private long ToInt64(object value) =>
        NumberConversions.TryToInt64(value, out var x) ? x : throw NotAValue(value, "an integer (long, int, ...)");

    /// <inheritdoc />
    public override string ToString() => Start == 0 ? $"Discrete({N})" : $"Discrete({N}, start={Start})";
}
