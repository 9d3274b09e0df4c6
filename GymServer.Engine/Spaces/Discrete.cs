using System.Buffers.Binary;
using System.Text.Json;
using GymServer.Engine.Environments;

namespace GymServer.Engine.Spaces;

/// <summary>Gymnasium's <c>Discrete(n, start)</c>: the integers start .. start + n - 1, held as one int64.</summary>
public sealed class Discrete : Space
{
    public Discrete(long n, long start = 0)
    {
        if (n <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), "n must be positive");
        }
        N = n;
        Start = start;
    }

    public long N { get; }

    public long Start { get; }

    public override string TypeName => "Discrete";

    public override int ByteSize => sizeof(long);

    public static long Read(ReadOnlySpan<byte> value) => BinaryPrimitives.ReadInt64LittleEndian(value);

    public static void Write(Span<byte> destination, long value) => BinaryPrimitives.WriteInt64LittleEndian(destination, value);

    public bool Contains(long value) => value >= Start && value - Start < N;

    public override bool Contains(ReadOnlySpan<byte> value) => value.Length == ByteSize && Contains(Read(value));

    /// <summary>Gymnasium: <c>start + np_random.integers(n)</c>, on numpy's buffered 32-bit bounded path.</summary>
    public override void Sample(Span<byte> destination) => Write(destination, Start + NpRandom.Integers(N));

    public override void WriteDescription(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("type", TypeName);
        writer.WriteNumber("n", N);
        writer.WriteNumber("start", Start);
        writer.WriteEndObject();
    }

    public override void WriteValue(ReadOnlySpan<byte> value, Utf8JsonWriter writer) => writer.WriteNumberValue(Read(value));

    public override void ReadValue(JsonElement json, Span<byte> destination)
    {
        // A one-element list is what Gymnasium's flatten gives for some clients; accept it as the scalar.
        if (json.ValueKind == JsonValueKind.Array && json.GetArrayLength() == 1)
        {
            json = json[0];
        }
        if (json.ValueKind != JsonValueKind.Number)
        {
            throw new EnvException(EnvErrorCodes.InvalidAction, $"expected an integer for {TypeName}({N}), got {json.ValueKind}");
        }
        if (!json.TryGetInt64(out var value))
        {
            if (!json.TryGetDouble(out var number) || number != Math.Floor(number) || Math.Abs(number) > 9.0e15)
            {
                throw new EnvException(EnvErrorCodes.InvalidAction, $"expected an integer for {TypeName}({N}), got {json.GetRawText()}");
            }
            value = (long)number;
        }
        Write(destination, value);
    }
}
