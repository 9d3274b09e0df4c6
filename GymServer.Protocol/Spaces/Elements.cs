using System.Buffers.Binary;
using System.Text.Json;

namespace GymServer.Protocol.Spaces;

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

    /// <summary>
    /// Writes one element as a JSON number, as Gymnasium's <c>to_jsonable</c> output reads in Python's json: floats
    /// as the shortest round-trip form of their float64 value, integers exactly, bools as true / false.
    /// </summary>
    public static void WriteJson(ReadOnlySpan<byte> data, DType dtype, int index, Utf8JsonWriter writer) =>
        WriteJson(data, dtype, index, writer, Float32Json.AsFloat64);

    /// <inheritdoc cref="WriteJson(ReadOnlySpan{byte}, DType, int, Utf8JsonWriter)"/>
    /// <param name="data">The value's bytes.</param>
    /// <param name="dtype">The element type.</param>
    /// <param name="index">The element.</param>
    /// <param name="writer">Where it goes.</param>
    /// <param name="float32">How a float32 element is spelled.</param>
    public static void WriteJson(ReadOnlySpan<byte> data, DType dtype, int index, Utf8JsonWriter writer, Float32Json float32)
    {
        var size = DTypes.SizeOf(dtype);
        var bytes = data.Slice(index * size, size);
        switch (dtype)
        {
            // A float32 goes out as the float64 it converts to exactly, as numpy's tolist() and Python's json write it.
            case DType.Float32 when float32 == Float32Json.Shortest: WriteFloat(writer, BinaryPrimitives.ReadSingleLittleEndian(bytes)); break;
            case DType.Float32: WriteFloat(writer, (double)BinaryPrimitives.ReadSingleLittleEndian(bytes)); break;
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

    /// <summary>Reads an integer or bool element exactly (uint64 and int64 included).</summary>
    public static Int128 ReadInteger(ReadOnlySpan<byte> data, DType dtype, int index)
    {
        var size = DTypes.SizeOf(dtype);
        var bytes = data.Slice(index * size, size);
        return dtype switch
        {
            DType.Int64 => BinaryPrimitives.ReadInt64LittleEndian(bytes),
            DType.UInt64 => BinaryPrimitives.ReadUInt64LittleEndian(bytes),
            DType.Float32 or DType.Float64 => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "not an integer dtype"),
            _ => (Int128)ReadDouble(data, dtype, index),
        };
    }

    /// <summary>Writes an integer element, keeping the dtype's low bits (callers check the range).</summary>
    public static void WriteInteger(Span<byte> data, DType dtype, int index, Int128 value)
    {
        var size = DTypes.SizeOf(dtype);
        var bytes = data.Slice(index * size, size);
        switch (dtype)
        {
            case DType.Int8: case DType.UInt8: bytes[0] = unchecked((byte)value); break;
            case DType.Bool: bytes[0] = value != 0 ? (byte)1 : (byte)0; break;
            case DType.Int16: case DType.UInt16: BinaryPrimitives.WriteUInt16LittleEndian(bytes, unchecked((ushort)value)); break;
            case DType.Int32: case DType.UInt32: BinaryPrimitives.WriteUInt32LittleEndian(bytes, unchecked((uint)value)); break;
            case DType.Int64: case DType.UInt64: BinaryPrimitives.WriteUInt64LittleEndian(bytes, unchecked((ulong)value)); break;
            default: throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "not an integer dtype");
        }
    }

    /// <summary>An exact integer as a float64, rounded as numpy casts int64 and uint64 to float64.</summary>
    public static double ToDouble(Int128 value) =>
        value >= long.MinValue && value <= long.MaxValue ? (long)value
        : value >= 0 && value <= ulong.MaxValue ? (ulong)value
        : (double)value;

    /// <summary>
    /// Reads one JSON element into an element of the dtype. Floats take numbers and the strings "nan", "inf",
    /// "-inf"; integers and bool take whole numbers within the dtype's range; every dtype takes true / false as 1 / 0.
    /// Returns false for anything else.
    /// </summary>
    public static bool TryReadJson(JsonElement json, Span<byte> data, DType dtype, int index)
    {
        // numpy casts True and False to 1 and 0 for any dtype.
        if (json.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            WriteDouble(data, dtype, index, json.ValueKind == JsonValueKind.True ? 1 : 0);
            return true;
        }
        if (DTypes.IsFloat(dtype))
        {
            if (!TryReadFloat(json, out var number))
            {
                return false;
            }
            WriteDouble(data, dtype, index, number);
            return true;
        }
        if (!TryReadWholeNumber(json, out var integer))
        {
            return false;
        }
        var (min, max) = DTypes.IntegerLimits(dtype);
        if (integer < min || integer > max)
        {
            return false;
        }
        WriteInteger(data, dtype, index, integer);
        return true;
    }

    /// <summary>A JSON number, or one of the strings "nan", "inf", "-inf" that stand for what JSON cannot hold.</summary>
    public static bool TryReadFloat(JsonElement json, out double value)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.Number:
                return json.TryGetDouble(out value) && double.IsFinite(value);
            case JsonValueKind.String:
                // Compared in place: a Box(-inf, inf) image arrives as 100,800 "-inf" strings a side.
                (var known, value) =
                    json.ValueEquals("nan"u8) ? (true, double.NaN)
                    : json.ValueEquals("inf"u8) ? (true, double.PositiveInfinity)
                    : json.ValueEquals("-inf"u8) ? (true, double.NegativeInfinity)
                    : (false, 0.0);
                return known;
            default:
                value = 0;
                return false;
        }
    }

    /// <summary>A JSON number with no fractional part (3 and 3.0 alike), read exactly up to 128 bits.</summary>
    public static bool TryReadWholeNumber(JsonElement json, out Int128 value)
    {
        value = 0;
        if (json.ValueKind != JsonValueKind.Number)
        {
            return false;
        }
        if (json.TryGetInt64(out var small))
        {
            value = small;
            return true;
        }
        if (Int128.TryParse(json.GetRawText(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out value))
        {
            return true;
        }
        if (json.TryGetDouble(out var number) && number == Math.Floor(number) && Math.Abs(number) < 1e38)
        {
            value = (Int128)number;
            return true;
        }
        return false;
    }

    public static string NonFiniteName(double value) =>
        double.IsNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
}
