using System.Buffers.Binary;
using GymServer.Engine.Spaces;
using GymServer.Web.DmEnvRpc.V1;
using Google.Protobuf;

namespace GymServer.Web.DmEnvRpc.Specs;

/// <summary>
/// One tensor of a world's specs: a space that is not a Tuple or Dict (Discrete, Box, MultiDiscrete, MultiBinary),
/// its UID and name, and where its value lies in the raw layout of the space it belongs to. It writes observations
/// out of that layout and reads actions into it, refusing what its spec does not admit.
/// </summary>
internal sealed class TensorLeaf
{
    private readonly int _count;
    private readonly string _bounds;

    /// <param name="uid">The UID the specs key it by.</param>
    /// <param name="name">Its name: <c>action</c>, <c>observation</c>, <c>observation.position</c>, ...</param>
    /// <param name="space">The space it describes.</param>
    /// <param name="offset">Where its value starts in its whole space's raw layout.</param>
    public TensorLeaf(ulong uid, string name, Space space, int offset)
    {
        Uid = uid;
        Name = name;
        Space = space;
        Offset = offset;
        var spec = new TensorSpec { Name = name };
        (RawType, int[] shape) = space switch
        {
            Discrete => (DType.Int64, Array.Empty<int>()),
            MultiDiscrete multi => (DType.Int64, multi.Shape.ToArray()),
            MultiBinary binary => (DType.Int8, binary.Shape.ToArray()),
            Box box => (box.DType, box.Shape.ToArray()),
            _ => throw new ArgumentException($"{space.TypeName} is not a leaf space", nameof(space)),
        };
        Type = WireTypes.Of(RawType);
        _count = shape.Aggregate(1, (product, dimension) => product * dimension);
        Shape = shape;
        spec.Shape.AddRange(shape);
        spec.Dtype = Type;
        (spec.Min, spec.Max, _bounds) = Bounds(space);
        Spec = spec;
    }

    public ulong Uid { get; }

    public string Name { get; }

    public Space Space { get; }

    /// <summary>The element type of its raw layout (Discrete and MultiDiscrete hold int64s, MultiBinary int8s).</summary>
    public DType RawType { get; }

    /// <summary>Its dm_env_rpc data type.</summary>
    public DataType Type { get; }

    public IReadOnlyList<int> Shape { get; }

    public int Offset { get; }

    public TensorSpec Spec { get; }

    private int ElementSize => DTypes.SizeOf(RawType);

    /// <summary>The tensor of this leaf's part of <paramref name="value"/>, a value of its whole space.</summary>
    public Tensor Write(ReadOnlySpan<byte> value)
    {
        var raw = value.Slice(Offset, _count * ElementSize);
        var tensor = new Tensor();
        tensor.Shape.AddRange(Shape);
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
        if (!shape.AsSpan().SequenceEqual(Shape.ToArray()))
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

    /// <summary>The spec's min and max (none for bool, which the protocol does not bound), and their text for errors.</summary>
    private (TensorSpec.Types.Value? Min, TensorSpec.Types.Value? Max, string Text) Bounds(Space space)
    {
        switch (space)
        {
            case Discrete discrete:
                return Exact([discrete.Start], [discrete.Start + discrete.N - 1]);
            case MultiDiscrete multi:
            {
                var low = multi.Start.ToArray();
                var high = new long[low.Length];
                for (var i = 0; i < low.Length; i++)
                {
                    high[i] = low[i] + multi.Nvec[i] - 1;
                }
                return Exact(low, high);
            }
            case MultiBinary:
                return (SpecBounds.FromDoubles(Type, [0]), SpecBounds.FromDoubles(Type, [1]), "min 0, max 1");
            case Box { DType: DType.Bool }:
                return (null, null, "0 or 1");
            case Box box:
            {
                var low = box.Low.ToArray();
                var high = box.High.ToArray();
                return (SpecBounds.FromDoubles(Type, low), SpecBounds.FromDoubles(Type, high),
                    $"min {SpecBounds.Text(low)}, max {SpecBounds.Text(high)}");
            }
            default:
                throw new ArgumentException($"{space.TypeName} is not a leaf space", nameof(space));
        }

        static (TensorSpec.Types.Value, TensorSpec.Types.Value, string) Exact(long[] low, long[] high) =>
            (SpecBounds.Int64(low), SpecBounds.Int64(high), $"min {SpecBounds.Text(low)}, max {SpecBounds.Text(high)}");
    }
}
