using GymServer.Protocol.Spaces;
using GymServer.Web.DmEnvRpc.V1;

namespace GymServer.Web.DmEnvRpc.Specs;

/// <summary>
/// Which dm_env_rpc data type carries each numpy dtype, and the tensor payload of each data type. dm_env_rpc has no
/// 16-bit integers: int16 and uint16 travel as INT32 and UINT32 (their bounds say the narrower range), as the
/// smallest types that hold them exactly.
/// </summary>
internal static class WireTypes
{
    public static DataType Of(DType dtype) => dtype switch
    {
        DType.Float32 => DataType.Float,
        DType.Float64 => DataType.Double,
        DType.Int8 => DataType.Int8,
        DType.Int16 or DType.Int32 => DataType.Int32,
        DType.Int64 => DataType.Int64,
        DType.UInt8 => DataType.Uint8,
        DType.UInt16 or DType.UInt32 => DataType.Uint32,
        DType.UInt64 => DataType.Uint64,
        DType.Bool => DataType.Bool,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, null),
    };

    /// <summary>The tensor payload that holds <paramref name="type"/>; the numbers are the same by the protocol's design.</summary>
    public static Tensor.PayloadOneofCase PayloadOf(DataType type) => (Tensor.PayloadOneofCase)(int)type;

    /// <summary>The data type of a tensor's payload; INVALID_DATA_TYPE for none.</summary>
    public static DataType TypeOf(Tensor tensor) => (DataType)(int)tensor.PayloadCase;

    /// <summary>The protocol's name of a data type ("INT64"), for messages.</summary>
    public static string Name(DataType type) => type == DataType.InvalidDataType ? "no payload" : type.ToString().ToUpperInvariant();

    /// <summary>The number of elements in a tensor's payload.</summary>
    public static int Count(Tensor tensor) => tensor.PayloadCase switch
    {
        Tensor.PayloadOneofCase.Floats => tensor.Floats.Array.Count,
        Tensor.PayloadOneofCase.Doubles => tensor.Doubles.Array.Count,
        Tensor.PayloadOneofCase.Int8S => tensor.Int8S.Array.Length,
        Tensor.PayloadOneofCase.Int32S => tensor.Int32S.Array.Count,
        Tensor.PayloadOneofCase.Int64S => tensor.Int64S.Array.Count,
        Tensor.PayloadOneofCase.Uint8S => tensor.Uint8S.Array.Length,
        Tensor.PayloadOneofCase.Uint32S => tensor.Uint32S.Array.Count,
        Tensor.PayloadOneofCase.Uint64S => tensor.Uint64S.Array.Count,
        Tensor.PayloadOneofCase.Bools => tensor.Bools.Array.Count,
        Tensor.PayloadOneofCase.Strings => tensor.Strings.Array.Count,
        Tensor.PayloadOneofCase.Protos => tensor.Protos.Array.Count,
        _ => 0,
    };
}
