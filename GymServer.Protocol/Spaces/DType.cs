namespace GymServer.Protocol.Spaces;

/// <summary>The numpy element types a space can hold, named as numpy names them on the wire.</summary>
public enum DType
{
    Float32,
    Float64,
    Int8,
    Int16,
    Int32,
    Int64,
    UInt8,
    UInt16,
    UInt32,
    UInt64,
    Bool,
}

/// <summary>Size and names of <see cref="DType"/> values.</summary>
public static class DTypes
{
    public static int SizeOf(DType dtype) => dtype switch
    {
        DType.Float32 => 4,
        DType.Float64 => 8,
        DType.Int8 => 1,
        DType.Int16 => 2,
        DType.Int32 => 4,
        DType.Int64 => 8,
        DType.UInt8 => 1,
        DType.UInt16 => 2,
        DType.UInt32 => 4,
        DType.UInt64 => 8,
        DType.Bool => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype)),
    };

    /// <summary>The numpy name ("float32", "uint8", "bool").</summary>
    public static string Name(DType dtype) => dtype switch
    {
        DType.Float32 => "float32",
        DType.Float64 => "float64",
        DType.Int8 => "int8",
        DType.Int16 => "int16",
        DType.Int32 => "int32",
        DType.Int64 => "int64",
        DType.UInt8 => "uint8",
        DType.UInt16 => "uint16",
        DType.UInt32 => "uint32",
        DType.UInt64 => "uint64",
        DType.Bool => "bool",
        _ => throw new ArgumentOutOfRangeException(nameof(dtype)),
    };

    public static bool TryParse(string name, out DType dtype)
    {
        foreach (var candidate in Enum.GetValues<DType>())
        {
            if (Name(candidate) == name)
            {
                dtype = candidate;
                return true;
            }
        }
        dtype = default;
        return false;
    }

    public static bool IsFloat(DType dtype) => dtype is DType.Float32 or DType.Float64;

    public static bool IsInteger(DType dtype) => !IsFloat(dtype) && dtype != DType.Bool;

    public static bool IsSigned(DType dtype) => dtype is DType.Int8 or DType.Int16 or DType.Int32 or DType.Int64;

    /// <summary>The smallest and largest value of an integer or bool dtype, exactly.</summary>
    public static (Int128 Min, Int128 Max) IntegerLimits(DType dtype) => dtype switch
    {
        DType.Bool => (0, 1),
        DType.UInt64 => (0, ulong.MaxValue),
        _ => IntegerRange(dtype),
    };

    /// <summary>
    /// The smallest and largest value of an integer dtype, as int64 (uint64's top half, which int64 cannot hold,
    /// is left out).
    /// </summary>
    public static (long Min, long Max) IntegerRange(DType dtype) => dtype switch
    {
        DType.Int8 => (sbyte.MinValue, sbyte.MaxValue),
        DType.Int16 => (short.MinValue, short.MaxValue),
        DType.Int32 => (int.MinValue, int.MaxValue),
        DType.Int64 => (long.MinValue, long.MaxValue),
        DType.UInt8 => (byte.MinValue, byte.MaxValue),
        DType.UInt16 => (ushort.MinValue, ushort.MaxValue),
        DType.UInt32 => (uint.MinValue, uint.MaxValue),
        DType.UInt64 => (0, long.MaxValue),
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "not an integer dtype"),
    };
}
