using System.Buffers.Binary;
using GymServer.Protocol.Spaces;
using GymServer.Web.DmEnvRpc.V1;
using Google.Protobuf;

namespace GymServer.Web.DmEnvRpc.Specs;

internal sealed partial class TensorLeaf
{
    /// <summary>The tensor of this leaf's part of <paramref name="value"/>, a value of its whole space.</summary>
    public Tensor Write(ReadOnlySpan<byte> value)
    {
        var raw = value.Slice(Offset, _count * ElementSize);
        var tensor = new Tensor();
        tensor.Shape.AddRange(_shape);
        switch (RawType)
        {
            case DType.Int8:
                tensor.Int8S = new Tensor.Types.Int8Array { Array = ByteString.CopyFrom(raw) };
                break;
            case DType.UInt8:
                tensor.Uint8S = new Tensor.Types.Uint8Array { Array = ByteString.CopyFrom(raw) };
                break;
            case DType.Float32:
                tensor.Floats = new Tensor.Types.FloatArray();
                for (var i = 0; i < _count; i++)
                {
                    tensor.Floats.Array.Add(BinaryPrimitives.ReadSingleLittleEndian(raw[(i * 4)..]));
                }
                break;
            case DType.Float64:
                tensor.Doubles = new Tensor.Types.DoubleArray();
                for (var i = 0; i < _count; i++)
                {
                    tensor.Doubles.Array.Add(BinaryPrimitives.ReadDoubleLittleEndian(raw[(i * 8)..]));
                }
                break;
            case DType.Int16 or DType.Int32:
                tensor.Int32S = new Tensor.Types.Int32Array();
                for (var i = 0; i < _count; i++)
                {
                    tensor.Int32S.Array.Add(RawType == DType.Int16
                        ? BinaryPrimitives.ReadInt16LittleEndian(raw[(i * 2)..])
                        : BinaryPrimitives.ReadInt32LittleEndian(raw[(i * 4)..]));
                }
                break;
            case DType.UInt16 or DType.UInt32:
                tensor.Uint32S = new Tensor.Types.Uint32Array();
                for (var i = 0; i < _count; i++)
                {
                    tensor.Uint32S.Array.Add(RawType == DType.UInt16
                        ? BinaryPrimitives.ReadUInt16LittleEndian(raw[(i * 2)..])
                        : BinaryPrimitives.ReadUInt32LittleEndian(raw[(i * 4)..]));
                }
                break;
            case DType.Int64:
                tensor.Int64S = new Tensor.Types.Int64Array();
                for (var i = 0; i < _count; i++)
                {
                    tensor.Int64S.Array.Add(BinaryPrimitives.ReadInt64LittleEndian(raw[(i * 8)..]));
                }
                break;
            case DType.UInt64:
                tensor.Uint64S = new Tensor.Types.Uint64Array();
                for (var i = 0; i < _count; i++)
                {
                    tensor.Uint64S.Array.Add(BinaryPrimitives.ReadUInt64LittleEndian(raw[(i * 8)..]));
                }
                break;
            case DType.Bool:
                tensor.Bools = new Tensor.Types.BoolArray();
                foreach (var element in raw)
                {
                    tensor.Bools.Array.Add(element != 0);
                }
                break;
            default:
                throw new InvalidOperationException($"no tensor form for {RawType}");
        }
        return tensor;
    }
}
