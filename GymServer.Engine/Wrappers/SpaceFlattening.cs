using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol;
using GymServer.Protocol.Spaces;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// Gymnasium's <c>flatten_space(space)</c> and <c>flatten(space, x)</c> for the spaces GymServer has: one Box of
/// one dimension. A Box keeps its dtype and bounds; Discrete and MultiDiscrete become one-hot vectors and
/// MultiBinary its bits, in their own dtype with bounds 0 and 1; Tuple and Dict concatenate their parts, in layout
/// order, in the dtype numpy promotes the parts' dtypes to.
/// </summary>
internal sealed class SpaceFlattening
{
    private readonly SpaceLeaf[] _leaves;
    private readonly int[] _firstElements;

    public SpaceFlattening(Space space)
    {
        _leaves = [.. SpaceLeaf.Of(space)];
        _firstElements = new int[_leaves.Length];
        var low = new List<BoxBound>();
        var high = new List<BoxBound>();
        DType? dtype = null;
        for (var i = 0; i < _leaves.Length; i++)
        {
            _firstElements[i] = low.Count;
            var leafType = AddBounds(_leaves[i].Space, low, high);
            dtype = dtype is { } previous ? NumpyTypes.Promote(previous, leafType) : leafType;
        }
        Space = BoxBound.CreateBox(low, high, [low.Count], dtype!.Value);
    }

    /// <summary>The flattened space.</summary>
    public Box Space { get; }

    /// <summary>Writes the flat value of <paramref name="value"/>, a value of the space this was made for.</summary>
    public void Flatten(ReadOnlySpan<byte> value, Span<byte> flat)
    {
        var dtype = Space.DType;
        for (var i = 0; i < _leaves.Length; i++)
        {
            var (space, offset) = _leaves[i];
            var first = _firstElements[i];
            var part = value[offset..];
            switch (space)
            {
                case Box box when box.DType == dtype:
                    part[..box.ByteSize].CopyTo(flat[(first * DTypes.SizeOf(dtype))..]);
                    break;
                case Box box:
                    for (var e = 0; e < box.Count; e++)
                    {
                        NumpyTypes.Cast(part, box.DType, e, flat, dtype, first + e);
                    }
                    break;
                case MultiBinary bits:
                    for (var e = 0; e < bits.Count; e++)
                    {
                        NumpyTypes.Cast(part, DType.Int8, e, flat, dtype, first + e);
                    }
                    break;
                case Discrete discrete:
                    OneHot(flat, dtype, first, discrete.N, Discrete.Read(part) - discrete.Start);
                    break;
                case MultiDiscrete multi:
                    for (var e = 0; e < multi.Count; e++)
                    {
                        OneHot(flat, dtype, first, multi.Nvec[e], multi.Read(part, e) - multi.Start[e]);
                        first += (int)multi.Nvec[e];
                    }
                    break;
            }
        }
    }

    private static void OneHot(Span<byte> flat, DType dtype, int first, long n, long hot)
    {
        if ((ulong)hot >= (ulong)n)
        {
            throw new EnvException(EnvErrorCodes.EnvError, $"observation {hot} is outside the {n} values a one-hot vector can flatten");
        }
        var size = DTypes.SizeOf(dtype);
        flat.Slice(first * size, (int)n * size).Clear();
        Elements.WriteDouble(flat, dtype, first + (int)hot, 1);
    }

    /// <summary>Adds a leaf's flat bounds; returns the leaf's flat dtype.</summary>
    private static DType AddBounds(Space space, List<BoxBound> low, List<BoxBound> high)
    {
        switch (space)
        {
            case Box box:
                for (var e = 0; e < box.Count; e++)
                {
                    low.Add(BoxBound.Low(box, e));
                    high.Add(BoxBound.High(box, e));
                }
                return box.DType;
            case Discrete discrete:
                AddUnitBounds(low, high, discrete.N);
                return discrete.DType;
            case MultiDiscrete multi:
                foreach (var n in multi.Nvec)
                {
                    AddUnitBounds(low, high, n);
                }
                return multi.DType;
            case MultiBinary bits:
                AddUnitBounds(low, high, bits.Count);
                return DType.Int8;
            default:
                throw new ArgumentException($"cannot flatten a {space.TypeName} space", nameof(space));
        }
    }

    private static void AddUnitBounds(List<BoxBound> low, List<BoxBound> high, long count)
    {
        if (low.Count + count > MaxElements)
        {
            throw new EnvException(EnvErrorCodes.InvalidArgument, $"a flattened observation of more than {MaxElements} elements is too large");
        }
        for (var i = 0L; i < count; i++)
        {
            low.Add(BoxBound.Integer(0));
            high.Add(BoxBound.Integer(1));
        }
    }

    /// <summary>A one-hot vector this long (a Discrete(n) of huge n) would be an observation of many megabytes.</summary>
    private const int MaxElements = 1 << 24;
}
