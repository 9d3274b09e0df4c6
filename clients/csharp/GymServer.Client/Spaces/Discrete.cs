using System.Buffers.Binary;
using System.Text.Json;

namespace GymServer.Client.Spaces;

/// <summary>Gymnasium's <c>Discrete(n, start)</c>: the integers start .. start + n - 1, as <see cref="long"/> values.</summary>
public sealed class Discrete : Space
{
    /// <summary>Creates the space of <paramref name="n"/> integers from <paramref name="start"/>.</summary>
    public Discrete(long n, long start = 0)
    {
        N = n;
        Start = start;
    }

    /// <summary>The number of values.</summary>
    public long N { get; }

    /// <summary>The smallest value.</summary>
    public long Start { get; }

    /// <inheritdoc />
    public override string TypeName => "Discrete";

    /// <inheritdoc />
    public override int ByteSize => sizeof(long);

    internal static Discrete FromDescription(JsonElement description) =>
        new(description.GetProperty("n").GetInt64(), description.TryGetProperty("start", out var start) ? start.GetInt64() : 0);

    /// <inheritdoc />
    public override bool Contains(object? value) =>
        NumberConversions.TryToInt64(value, out var x) && x >= Start && x < Start + N;

    /// <inheritdoc />
    public override object ReadJson(JsonElement json) => json.GetInt64();

    /// <inheritdoc />
    public override void WriteJson(Utf8JsonWriter writer, object value) => writer.WriteNumberValue(ToInt64(value));

    /// <inheritdoc />
    public override object ReadBytes(ReadOnlySpan<byte> bytes) => BinaryPrimitives.ReadInt64LittleEndian(bytes);

    /// <inheritdoc />
    public override void WriteBytes(object value, Span<byte> bytes) => BinaryPrimitives.WriteInt64LittleEndian(bytes, ToInt64(value));

    private long ToInt64(object value) =>
        NumberConversions.TryToInt64(value, out var x) ? x : throw NotAValue(value, "an integer (long, int, ...)");

    /// <inheritdoc />
    public override string ToString() => Start == 0 ? $"Discrete({N})" : $"Discrete({N}, start={Start})";
}
