using System.Buffers.Binary;
using System.Text.Json;

namespace GymServer.Protocol.Spaces;

/// <summary>
/// <c>{"type":"MultiDiscrete","nvec":[..],"start":[..],"dtype":"int64"}</c>, lists nested by shape: element i takes
/// the integers start[i] .. start[i] + nvec[i] - 1. A value is int64s, row-major, whatever the dtype.
/// </summary>
public sealed class MultiDiscreteDescription : SpaceDescription
{
    private readonly long[] _nvec;
    private readonly long[] _start;
    private readonly int[] _shape;

    /// <param name="nvec">The counts, flat in row-major order.</param>
    /// <param name="start">The smallest values, flat (zeros when null).</param>
    /// <param name="shape">The shape (one axis of nvec's length when null).</param>
    /// <param name="dtype">The integer dtype values fit in.</param>
    public MultiDiscreteDescription(long[] nvec, long[]? start = null, int[]? shape = null, DType dtype = DType.Int64)
    {
        _shape = shape is null ? [nvec.Length] : [.. shape];
        if (_shape.Any(dimension => dimension < 0) || nvec.Length != _shape.Aggregate(1, (product, dimension) => checked(product * dimension)))
        {
            throw new ArgumentException($"MultiDiscrete nvec has {nvec.Length} elements, which does not fit shape ({string.Join(", ", _shape)})");
        }
        if (start is not null && start.Length != nvec.Length)
        {
            throw new ArgumentException($"MultiDiscrete start has {start.Length} elements, nvec {nvec.Length}: they must have the same shape");
        }
        _nvec = [.. nvec];
        _start = start is null ? new long[nvec.Length] : [.. start];
        DType = dtype;
    }

    public ReadOnlySpan<long> Nvec => _nvec;

    public ReadOnlySpan<long> Start => _start;

    public ReadOnlySpan<int> Shape => _shape;

    public DType DType { get; }

    /// <summary>The number of elements.</summary>
    public int Count => _nvec.Length;

    public override string TypeName => "MultiDiscrete";

    public override int ByteSize => Count * sizeof(long);

    public override void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("type", TypeName);
        writer.WritePropertyName("nvec");
        NestedValues.Write(writer, _shape, AsBytes(_nvec), DType.Int64);
        writer.WritePropertyName("start");
        NestedValues.Write(writer, _shape, AsBytes(_start), DType.Int64);
        writer.WriteString("dtype", DTypes.Name(DType));
        writer.WriteEndObject();
    }

    public override void WriteValue(ReadOnlySpan<byte> value, Utf8JsonWriter writer, Float32Json float32) =>
        NestedValues.Write(writer, _shape, value, DType.Int64);

    public override void ReadValue(JsonElement json, Span<byte> destination) =>
        NestedValues.Read(json, _shape, destination[..ByteSize], DType.Int64, $"MultiDiscrete of shape ({string.Join(", ", _shape)})");

    private static byte[] AsBytes(long[] values)
    {
        var bytes = new byte[values.Length * sizeof(long)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * sizeof(long)), values[i]);
        }
        return bytes;
    }
}
