using System.Buffers.Binary;
using GymServer.Protocol.Spaces;
using GymServer.Web.DmEnvRpc.V1;

namespace GymServer.Web.DmEnvRpc.Specs;

internal sealed partial class TensorLeaf
{
    /// <summary>
    /// Reads an action tensor into this leaf's part of <paramref name="action"/>, a value of its whole space: its
    /// data type must be the spec's, its shape (once a negative dimension is worked out and one element spread over
    /// it) the spec's, and every element within the bounds. Returns why not, or null.
    /// </summary>
    public string? TryRead(Tensor tensor, Span<byte> action)
    {
        var type = WireTypes.TypeOf(tensor);
        if (type != Type)
        {
            return $"action '{Name}' (uid {Uid}) must be {WireTypes.Name(Type)}, got {WireTypes.Name(type)}";
        }
        var count = WireTypes.Count(tensor);
        var shape = TensorShapes.Resolve(tensor, count, out var shapeError);
        if (shape is null)
        {
            return $"action '{Name}' (uid {Uid}): {shapeError}";
        }
        if (!shape.AsSpan().SequenceEqual(_shape))
        {
            return $"action '{Name}' (uid {Uid}) has shape {TensorShapes.Text(shape)}; its spec's is {TensorShapes.Text(Shape)}";
        }
        var raw = action.Slice(Offset, _count * ElementSize);
        var fits = true;
        for (var i = 0; i < _count && fits; i++)
        {
            fits = TryCopy(tensor, count == 1 ? 0 : i, raw, i);
        }
        return fits && Space.Contains(raw)
            ? null
            : $"action '{Name}' (uid {Uid}) is outside its spec's bounds: {_bounds}";
    }

    /// <summary>Copies element <paramref name="from"/> of the payload to element <paramref name="to"/> of the raw layout.</summary>
    private bool TryCopy(Tensor tensor, int from, Span<byte> raw, int to)
    {
        switch (RawType)
        {
            case DType.Float32:
                BinaryPrimitives.WriteSingleLittleEndian(raw[(to * 4)..], tensor.Floats.Array[from]);
                return true;
            case DType.Float64:
                BinaryPrimitives.WriteDoubleLittleEndian(raw[(to * 8)..], tensor.Doubles.Array[from]);
                return true;
            case DType.Int8:
                raw[to] = tensor.Int8S.Array[from];
                return true;
            case DType.UInt8:
                raw[to] = tensor.Uint8S.Array[from];
                return true;
            case DType.Int16:
                var int32 = tensor.Int32S.Array[from];
                BinaryPrimitives.WriteInt16LittleEndian(raw[(to * 2)..], unchecked((short)int32));
                return int32 is >= short.MinValue and <= short.MaxValue;
            case DType.Int32:
                BinaryPrimitives.WriteInt32LittleEndian(raw[(to * 4)..], tensor.Int32S.Array[from]);
                return true;
            case DType.UInt16:
                var uint32 = tensor.Uint32S.Array[from];
                BinaryPrimitives.WriteUInt16LittleEndian(raw[(to * 2)..], unchecked((ushort)uint32));
                return uint32 <= ushort.MaxValue;
            case DType.UInt32:
                BinaryPrimitives.WriteUInt32LittleEndian(raw[(to * 4)..], tensor.Uint32S.Array[from]);
                return true;
            case DType.Int64:
                BinaryPrimitives.WriteInt64LittleEndian(raw[(to * 8)..], tensor.Int64S.Array[from]);
                return true;
            case DType.UInt64:
                BinaryPrimitives.WriteUInt64LittleEndian(raw[(to * 8)..], tensor.Uint64S.Array[from]);
                return true;
            case DType.Bool:
                raw[to] = tensor.Bools.Array[from] ? (byte)1 : (byte)0;
                return true;
            default:
                return false;
        }
    }
}
