using GymServer.Protocol.Spaces;

namespace GymServer.Engine.Spaces;

/// <summary>
/// Gymnasium's <c>Box(low, high, shape, dtype)</c>, with Gymnasium's casting rules: float bounds are cast to the
/// dtype (float32 rounds), integer bounds truncate, and an infinite bound of a signed integer Box becomes the
/// dtype's limit while the dimension stays unbounded for sampling. Bounds are flat, in row-major order.
/// </summary>
/// <remarks>
/// Split by concern: sampling in Box.Sample.cs, the description (and so the JSON forms) in Box.Description.cs.
/// </remarks>
public sealed partial class Box : Space
{
    private readonly int[] _shape;
    // Per element only where elements differ: an image Box's 100,800 bounds of 0 and 255 are two values, not 1.8 MB
    // of arrays for every env a server holds.
    private readonly ElementValues<double> _low;
    private readonly ElementValues<double> _high;
    // Integer dtypes keep exact bounds (int64 limits do not fit a double), as arrays only where a double cannot
    // hold them: an image Box's 100,800 bounds of 0 and 255 would take 1.6 MB each as Int128, for every env.
    private readonly bool _integer;
    private readonly Int128[]? _lowInteger;
    private readonly Int128[]? _highInteger;
    private readonly ElementValues<bool> _boundedBelow;
    private readonly ElementValues<bool> _boundedAbove;
    // Made when first asked for: a pixel env's observation space is described and sampled rarely, if ever.
    private BoxDescription? _description;

    /// <summary>
    /// A Box with per-element bounds. For integer dtypes the bounds are truncated toward zero, as numpy casts;
    /// -inf / +inf are allowed for signed integers (they become the dtype's limits) and for floats.
    /// </summary>
    public Box(double[] low, double[] high, int[] shape, DType dtype)
        : this(ElementValues.Of<double>(low), ElementValues.Of<double>(high), null, shape, dtype)
    {
    }

    /// <summary>A Box with the same bounds on every element.</summary>
    public Box(double low, double high, int[] shape, DType dtype)
        : this(ElementValues.Uniform(low, ElementCount(shape)), ElementValues.Uniform(high, ElementCount(shape)), null, shape, dtype)
    {
    }

    /// <summary>
    /// A Box with per-element bounds and, for integer dtypes, the exact values of finite bounds where given
    /// (int64 limits a double cannot hold).
    /// </summary>
    internal Box(double[] low, double[] high, Int128?[]? exactLow, Int128?[]? exactHigh, int[] shape, DType dtype)
        : this(ElementValues.Of<double>(low), ElementValues.Of<double>(high), exactLow is null && exactHigh is null ? null : new BoxDescription(shape, dtype, low, high, exactLow, exactHigh), shape, dtype)
    {
    }

    /// <summary>The Box a description describes, its exact integer bounds included.</summary>
    internal Box(BoxDescription description)
        : this(description.Low, description.High, description, description.Shape.ToArray(), description.DType)
    {
    }

    /// <summary>
    /// The constructor every path ends in. <paramref name="exact"/>, when given, holds the exact values of finite
    /// integer bounds (a description can carry int64 limits a double cannot).
    /// </summary>
    private Box(ElementValues<double> low, ElementValues<double> high, BoxDescription? exact, int[] shape, DType dtype)
    {
        if (shape.Any(dimension => dimension < 0))
        {
            throw new ArgumentException($"Box shape ({string.Join(", ", shape)}) has a negative dimension", nameof(shape));
        }
        _shape = [.. shape];
        DType = dtype;
        Count = shape.Aggregate(1, (product, dimension) => checked(product * dimension));
        if (low.Count != Count || high.Count != Count)
        {
            throw new ArgumentException($"Box low and high must have {Count} elements for shape {ShapeText()}, got {low.Count} and {high.Count}");
        }
        var (lows, highs) = (new ElementValues<double>.Builder(Count), new ElementValues<double>.Builder(Count));
        var (below, above) = (new ElementValues<bool>.Builder(Count), new ElementValues<bool>.Builder(Count));
        if (DTypes.IsFloat(dtype))
        {
            for (var i = 0; i < Count; i++)
            {
                Add(CastFloatBound(low[i], "low"), lows, below);
                Add(CastFloatBound(high[i], "high"), highs, above);
            }
        }
        else
        {
            _integer = true;
            var exactLows = new IntegerBounds(Count, i => CastIntegerBound(low[i], exact?.ExactLow(i), "low").Value);
            var exactHighs = new IntegerBounds(Count, i => CastIntegerBound(high[i], exact?.ExactHigh(i), "high").Value);
            for (var i = 0; i < Count; i++)
            {
                var (lowInteger, boundedBelow) = CastIntegerBound(low[i], exact?.ExactLow(i), "low");
                var (highInteger, boundedAbove) = CastIntegerBound(high[i], exact?.ExactHigh(i), "high");
                Add((exactLows.Add(lowInteger), boundedBelow), lows, below);
                Add((exactHighs.Add(highInteger), boundedAbove), highs, above);
            }
            (_lowInteger, _highInteger) = (exactLows.Exact(), exactHighs.Exact());
        }
        (_low, _high, _boundedBelow, _boundedAbove) = (lows.Build(), highs.Build(), below.Build(), above.Build());
        for (var i = 0; i < Count; i++)
        {
            if (_integer ? LowInteger(i) > HighInteger(i) : _low[i] > _high[i])
            {
                throw new ArgumentException($"Box low must not exceed high, but element {i} has low {_low[i]} > high {_high[i]}");
            }
        }

        static void Add((double Value, bool Bounded) bound, ElementValues<double>.Builder values, ElementValues<bool>.Builder bounded)
        {
            values.Add(bound.Value);
            bounded.Add(bound.Bounded);
        }
    }

    public DType DType { get; }

    /// <summary>The number of elements.</summary>
    public int Count { get; }

    public ReadOnlySpan<int> Shape => _shape;

    /// <summary>The lower bounds as Gymnasium holds them (a signed integer Box's unbounded elements hold the dtype minimum).</summary>
    public ElementValues<double> Low => _low;

    /// <summary>The upper bounds as Gymnasium holds them (a signed integer Box's unbounded elements hold the dtype maximum).</summary>
    public ElementValues<double> High => _high;

    public override string TypeName => "Box";

    public override int ByteSize => Count * DTypes.SizeOf(DType);

    /// <summary>The exact lower bound of element <paramref name="index"/> of an integer or bool Box.</summary>
    internal Int128 IntegerLow(int index) =>
        _integer ? LowInteger(index) : throw new InvalidOperationException("a float Box has no integer bounds");

    /// <summary>The exact upper bound of element <paramref name="index"/> of an integer or bool Box.</summary>
    internal Int128 IntegerHigh(int index) =>
        _integer ? HighInteger(index) : throw new InvalidOperationException("a float Box has no integer bounds");

    /// <summary>Gymnasium's <c>bounded_below[i]</c>: false where the bound given was -inf.</summary>
    public bool IsBoundedBelow(int index) => _boundedBelow[index];

    /// <summary>Gymnasium's <c>bounded_above[i]</c>: false where the bound given was +inf.</summary>
    public bool IsBoundedAbove(int index) => _boundedAbove[index];

    /// <summary>Gymnasium's <c>is_bounded("both")</c>.</summary>
    public bool IsBounded => !_boundedBelow.ContainsAnyExcept(true) && !_boundedAbove.ContainsAnyExcept(true);

    public override bool Contains(ReadOnlySpan<byte> value)
    {
        if (value.Length != ByteSize)
        {
            return false;
        }
        for (var i = 0; i < Count; i++)
        {
            if (!ContainsElement(value, i))
            {
                return false;
            }
        }
        return true;
    }

    public string ShapeText() => _shape.Length == 1 ? $"({_shape[0]},)" : $"({string.Join(", ", _shape)})";

    private bool ContainsElement(ReadOnlySpan<byte> value, int index)
    {
        if (!_integer)
        {
            var element = Elements.ReadDouble(value, DType, index);
            // NaN fails both comparisons, as in numpy.
            return element >= _low[index] && element <= _high[index];
        }
        var integer = Elements.ReadInteger(value, DType, index);
        return integer >= LowInteger(index) && integer <= HighInteger(index);
    }

    /// <summary>An integer Box's exact bound: from its array if it has one, else its double holds it exactly.</summary>
    private Int128 LowInteger(int index) => _lowInteger?[index] ?? (Int128)_low[index];

    private Int128 HighInteger(int index) => _highInteger?[index] ?? (Int128)_high[index];

    private (double Value, bool Bounded) CastFloatBound(double bound, string name)
    {
        if (double.IsNaN(bound))
        {
            throw new ArgumentException($"Box {name} must not be NaN");
        }
        if (double.IsInfinity(bound))
        {
            return (bound, name == "low" ? bound > 0 : bound < 0);
        }
        if (DType == DType.Float32 && Math.Abs(bound) > float.MaxValue)
        {
            throw new ArgumentException($"Box {name} {bound} is out of the range of float32");
        }
        return (DType == DType.Float32 ? (float)bound : bound, true);
    }

    private (Int128 Value, bool Bounded) CastIntegerBound(double bound, Int128? exact, string name)
    {
        var (min, max) = DTypes.IntegerLimits(DType);
        if (double.IsNaN(bound))
        {
            throw new ArgumentException($"Box {name} must not be NaN");
        }
        if (double.IsInfinity(bound))
        {
            var wrongSide = name == "low" ? bound > 0 : bound < 0;
            if (wrongSide || !DTypes.IsSigned(DType))
            {
                throw new ArgumentException($"Box {name} {bound} is not allowed for dtype {DTypes.Name(DType)}");
            }
            return (bound < 0 ? min : max, false);
        }
        // Compare before truncating, as Gymnasium does: -128.5 is out of range for int8.
        var outOfRange = exact is { } value
            ? value < min || value > max
            : Math.Abs(bound) > 1e30 || (Int128)Math.Floor(bound) < min || (Int128)Math.Ceiling(bound) > max;
        if (outOfRange)
        {
            throw new ArgumentException($"Box {name} {(exact is { } v ? v.ToString() : bound.ToString("R"))} is out of the range of {DTypes.Name(DType)}");
        }
        return (exact ?? (Int128)Math.Truncate(bound), true);
    }

    private static int ElementCount(int[] shape) => shape.Aggregate(1, (product, dimension) => checked(product * Math.Max(dimension, 0)));

    /// <summary>
    /// An integer Box's exact bounds, element by element: their doubles, and an array of them only from the first
    /// one its double does not hold exactly (int64 limits), with the elements before it asked for again then.
    /// </summary>
    private sealed class IntegerBounds(int count, Func<int, Int128> bound)
    {
        private Int128[]? _exact;
        private int _added;

        /// <summary>Adds the next element's exact bound; returns its double.</summary>
        public double Add(Int128 exact)
        {
            var value = Elements.ToDouble(exact);
            if (_exact is null && (Int128)value != exact)
            {
                _exact = new Int128[count];
                for (var i = 0; i < _added; i++)
                {
                    _exact[i] = bound(i);
                }
            }
            if (_exact is not null)
            {
                _exact[_added] = exact;
            }
            _added++;
            return value;
        }

        /// <summary>The exact bounds, or null when each element's double holds its bound exactly.</summary>
        public Int128[]? Exact() => _exact;
    }
}
