using System.Buffers.Binary;
using System.Text.Json;

namespace GymServer.Engine.Spaces;

/// <summary>Reads and writes single array elements of a <see cref="DType"/> in a little-endian byte buffer.</summary>
public static class Elements
{
    public static double ReadDouble(ReadOnlySpan<byte> data, DType dtype, int index)
    {
        var size = DTypes.SizeOf(dtype);
        var bytes = data.Slice(index * size, size);
        return dtype switch
        {
            DType.Float32 => BinaryPrimitives.ReadSingleLittleEndian(bytes),
            DType.Float64 => BinaryPrimitives.ReadDoubleLittleEndian(bytes),
            DType.Int8 => (sbyte)bytes[0],
            DType.Int16 => BinaryPrimitives.ReadInt16LittleEndian(bytes),
            DType.Int32 => BinaryPrimitives.ReadInt32LittleEndian(bytes),
            DType.Int64 => BinaryPrimitives.ReadInt64LittleEndian(bytes),
            DType.UInt8 => bytes[0],
            DType.UInt16 => BinaryPrimitives.ReadUInt16LittleEndian(bytes),
            DType.UInt32 => BinaryPrimitives.ReadUInt32LittleEndian(bytes),
            DType.UInt64 => BinaryPrimitives.ReadUInt64LittleEndian(bytes),
            DType.Bool => bytes[0] != 0 ? 1 : 0,
            _ => throw new ArgumentOutOfRangeException(nameof(dtype)),
        };
    }

    /// <summary>Writes a value cast to the dtype as numpy's astype does for in-range values.</summary>
    public static void WriteDouble(Span<byte> data, DType dtype, int index, double value)
    {
        var size = DTypes.SizeOf(dtype);
        var bytes = data.Slice(index * size, size);
        switch (dtype)
        {
            case DType.Float32: BinaryPrimitives.WriteSingleLittleEndian(bytes, (float)value); break;
            case DType.Float64: BinaryPrimitives.WriteDoubleLittleEndian(bytes, value); break;
            case DType.Int8: bytes[0] = (byte)(sbyte)value; break;
            case DType.Int16: BinaryPrimitives.WriteInt16LittleEndian(bytes, (short)value); break;
            case DType.Int32: BinaryPrimitives.WriteInt32LittleEndian(bytes, (int)value); break;
            case DType.Int64: BinaryPrimitives.WriteInt64LittleEndian(bytes, (long)value); break;
            case DType.UInt8: bytes[0] = (byte)value; break;
            case DType.UInt16: BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)value); break;
            case DType.UInt32: BinaryPrimitives.WriteUInt32LittleEndian(bytes, (uint)value); break;
            case DType.UInt64: BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)value); break;
            case DType.Bool: bytes[0] = value != 0 ? (byte)1 : (byte)0; break;
            default: throw new ArgumentOutOfRangeException(nameof(dtype));
        }
    }

    /// <summary>Writes one element as a JSON number: floats in their shortest round-trip form, integers exactly.</summary>
    public static void WriteJson(ReadOnlySpan<byte> data, DType dtype, int index, Utf8JsonWriter writer)
    {
        var size = DTypes.SizeOf(dtype);
        var bytes = data.Slice(index * size, size);
        switch (dtype)
        {
            case DType.Float32: WriteFloat(writer, BinaryPrimitives.ReadSingleLittleEndian(bytes)); break;
            case DType.Float64: WriteFloat(writer, BinaryPrimitives.ReadDoubleLittleEndian(bytes)); break;
            case DType.Int64: writer.WriteNumberValue(BinaryPrimitives.ReadInt64LittleEndian(bytes)); break;
            case DType.UInt64: writer.WriteNumberValue(BinaryPrimitives.ReadUInt64LittleEndian(bytes)); break;
            case DType.Bool: writer.WriteBooleanValue(bytes[0] != 0); break;
            default: writer.WriteNumberValue((long)ReadDouble(data, dtype, index)); break;
        }
    }

    /// <summary>
    /// Writes a float; non-finite values (which plain JSON cannot hold) as the strings "nan", "inf", "-inf".
    /// </summary>
    public static void WriteFloat(Utf8JsonWriter writer, float value)
    {
        if (float.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(NonFiniteName(value));
        }
    }

    /// <inheritdoc cref="WriteFloat(Utf8JsonWriter, float)"/>
    public static void WriteFloat(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(NonFiniteName(value));
        }
    }

    public static string NonFiniteName(double value) =>
        double.IsNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
}
