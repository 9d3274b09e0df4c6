using System.Buffers.Binary;
using System.Text.Json;

namespace GymServer.Protocol.Spaces;

/// <summary>
/// <c>{"type":"Discrete","n":2,"start":0}</c>, plus <c>"dtype"</c> when it is not int64: the integers start ..
/// start + n - 1. A value is one int64 whatever the dtype.
/// </summary>
public sealed class DiscreteDescription : SpaceDescription
{
    public DiscreteDescription(long n, long start = 0, DType dtype = DType.Int64)
    {
        N = n;
        Start = start;
        DType = dtype;
    }

    public long N { get; }

    public long Start { get; }

    public DType DType { get; }

    public override string TypeName => "Discrete";

    public override int ByteSize => sizeof(long);

    /// <summary>The value of a raw Discrete value.</summary>
    public static long Read(ReadOnlySpan<byte> value) => BinaryPrimitives.ReadInt64LittleEndian(value);

    /// <summary>Writes a Discrete value in its raw layout.</summary>
    public static void Write(Span<byte> destination, long value) => BinaryPrimitives.WriteInt64LittleEndian(destination, value);

    public override void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("type", TypeName);
        writer.WriteNumber("n", N);
        writer.WriteNumber("start", Start);
        if (DType != DType.Int64)
        {
            writer.WriteString("dtype", DTypes.Name(DType));
        }
        writer.WriteEndObject();
    }

    public override void WriteValue(ReadOnlySpan<byte> value, Utf8JsonWriter writer, Float32Json float32) => writer.WriteNumberValue(Read(value));

    public override void ReadValue(JsonElement json, Span<byte> destination)
    {
        // A one-element list is what Gymnasium's flatten gives for some clients; accept it as the scalar.
        if (json.ValueKind == JsonValueKind.Array && json.GetArrayLength() == 1)
        {
            json = json[0];
        }
        if (!Elements.TryReadWholeNumber(json, out var value) || value < long.MinValue || value > long.MaxValue)
        {
            throw new ProtocolException(EnvErrorCodes.InvalidAction, $"expected an integer for {TypeName}({N}), got {json.GetRawText()}");
        }
        Write(destination, (long)value);
    }
}
