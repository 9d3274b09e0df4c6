using GymServer.Engine.Spaces;
using GymServer.Protocol.Spaces;
using GymServer.Web.DmEnvRpc.V1;

namespace GymServer.Web.DmEnvRpc.Specs;

/// <summary>
/// One tensor of a world's specs: a space that is not a Tuple or Dict (Discrete, Box, MultiDiscrete, MultiBinary),
/// its UID and name, and where its value lies in the raw layout of the space it belongs to. It writes observations
/// out of that layout (TensorLeaf.Write.cs) and reads actions into it, refusing what its spec does not admit
/// (TensorLeaf.Read.cs).
/// </summary>
internal sealed partial class TensorLeaf
{
    private readonly int _count;
    private readonly int[] _shape;
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
        _shape = shape;
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

    public IReadOnlyList<int> Shape => _shape;

    public int Offset { get; }

    public TensorSpec Spec { get; }

    private int ElementSize => DTypes.SizeOf(RawType);

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
