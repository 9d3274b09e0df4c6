using System.Text.Json;

namespace GymServer.Protocol.Spaces;

/// <summary>The array-valued spaces: Box (bounds per element) and MultiDiscrete (nvec and start per element).</summary>
internal static partial class SpaceDescriptionReader
{
    private static BoxDescription ParseBox(JsonElement description, string path)
    {
        CheckFields(description, path, "type", "shape", "dtype", "low", "high");
        var shapeElement = Required(description, "shape", path);
        if (shapeElement.ValueKind != JsonValueKind.Array)
        {
            throw Error($"{path}.shape", $"expected a list of dimensions, got {Kind(shapeElement)}");
        }
        var shape = shapeElement.EnumerateArray().Select((item, i) => Dimension(item, $"{path}.shape[{i}]")).ToArray();
        if (!description.TryGetProperty("dtype", out _))
        {
            throw Error(path, "missing field \"dtype\"");
        }
        var dtype = OptionalDType(description, path, DType.Float32, integerOnly: false);
        var count = shape.Aggregate(1L, (product, dimension) => product * dimension);
        if (count > int.MaxValue)
        {
            throw Error($"{path}.shape", $"{count} elements is too many");
        }
        var integers = !DTypes.IsFloat(dtype);
        var (low, exactLow) = Bounds(Required(description, "low", path), (int)count, integers, $"{path}.low");
        var (high, exactHigh) = Bounds(Required(description, "high", path), (int)count, integers, $"{path}.high");
        return new BoxDescription(shape, dtype, low, high, exactLow, exactHigh);
    }

    private static MultiDiscreteDescription ParseMultiDiscrete(JsonElement description, string path)
    {
        CheckFields(description, path, "type", "nvec", "start", "dtype");
        var (nvec, shape) = IntegerArray(Required(description, "nvec", path), $"{path}.nvec");
        long[]? start = null;
        if (description.TryGetProperty("start", out var startElement))
        {
            (start, var startShape) = IntegerArray(startElement, $"{path}.start");
            if (!startShape.SequenceEqual(shape))
            {
                throw Error($"{path}.start", $"has shape ({string.Join(", ", startShape)}), nvec ({string.Join(", ", shape)})");
            }
        }
        var dtype = OptionalDType(description, path, DType.Int64, integerOnly: true);
        return new MultiDiscreteDescription(nvec, start, shape, dtype);
    }

    /// <summary>
    /// Bounds: a flat or nested list of the Box's element count, or one value for every element. Whole numbers
    /// of an integer Box are kept exact (int64 limits do not survive a double). Read straight into the values, held
    /// once when they are all the same (an image's 100,800 bounds of 0 arrive as 100,800 numbers).
    /// </summary>
    private static (ElementValues<double> Values, Func<int, Int128?>? Exact) Bounds(JsonElement element, int count, bool integers, string path)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            if (count == 0)
            {
                return (ElementValues.Uniform(0.0, 0), null);
            }
            var (value, exact) = Bound(element, integers, path, 0);
            return (ElementValues.Uniform(value, count), integers ? _ => exact : null);
        }
        var given = LeafCount(element);
        if (given != count)
        {
            throw Error(path, $"expected {count} bounds, got {given}");
        }
        var reader = new BoundsReader(count, integers, path);
        reader.Read(element);
        return reader.Result();
    }

    /// <summary>
    /// One bound, element <paramref name="index"/>: its double, and for an integer Box its exact value when it is a
    /// whole number. The error's path is made only on an error (an image has 100,800 bounds a side).
    /// </summary>
    private static (double Value, Int128? Exact) Bound(JsonElement item, bool integers, string path, int index)
    {
        if (integers && Elements.TryReadWholeNumber(item, out var integer))
        {
            return (Elements.ToDouble(integer), integer);
        }
        if (Elements.TryReadFloat(item, out var number) && !double.IsNaN(number))
        {
            return (number, null);
        }
        throw Error($"{path}[{index}]", $"expected a number, \"inf\" or \"-inf\", got {item.GetRawText()}");
    }

    private static long LeafCount(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            return 1;
        }
        var count = 0L;
        foreach (var item in element.EnumerateArray())
        {
            count += LeafCount(item);
        }
        return count;
    }

    /// <summary>
    /// Reads a list of bounds in row-major order. Exact integers are kept per element only from the first one a
    /// double does not carry (a bound past 2^53); before it, each is what its double gives back.
    /// </summary>
    private sealed class BoundsReader(int count, bool integers, string path)
    {
        private readonly ElementValues<double>.Builder _values = new(count);
        private Int128?[]? _exact;
        private int _firstKept;

        public void Read(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Read(item);
                }
                return;
            }
            var index = _values.Added;
            var (value, exact) = Bound(element, integers, path, index);
            _values.Add(value);
            if (_exact is null && exact != BoxDescription.Derived(value))
            {
                (_exact, _firstKept) = (new Int128?[count], index);
            }
            if (_exact is not null)
            {
                _exact[index] = exact;
            }
        }

        public (ElementValues<double> Values, Func<int, Int128?>? Exact) Result()
        {
            var values = _values.Build();
            if (!integers)
            {
                return (values, null);
            }
            if (_exact is not { } exact)
            {
                return (values, i => BoxDescription.Derived(values[i]));
            }
            for (var i = 0; i < _firstKept; i++)
            {
                exact[i] = BoxDescription.Derived(values[i]);
            }
            return (values, i => exact[i]);
        }
    }

    /// <summary>An integer or nested lists of integers: the values row-major, and the shape the nesting gives.</summary>
    private static (long[] Values, int[] Shape) IntegerArray(JsonElement element, string path)
    {
        var shape = new List<int>();
        for (var level = element; level.ValueKind == JsonValueKind.Array; level = level.GetArrayLength() > 0 ? level[0] : default)
        {
            shape.Add(level.GetArrayLength());
            if (level.GetArrayLength() == 0)
            {
                break;
            }
        }
        var items = new List<JsonElement>();
        CollectRectangular(element, shape, 0, items, path);
        return (items.Select((item, i) => Integer(item, $"{path}[{i}]")).ToArray(), [.. shape]);
    }

    private static void CollectRectangular(JsonElement element, List<int> shape, int depth, List<JsonElement> items, string path)
    {
        if (depth == shape.Count)
        {
            items.Add(element);
            return;
        }
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() != shape[depth])
        {
            throw Error(path, $"nested lists must be rectangular, of shape ({string.Join(", ", shape)})");
        }
        foreach (var item in element.EnumerateArray())
        {
            CollectRectangular(item, shape, depth + 1, items, path);
        }
    }

    private static int Dimension(JsonElement element, string path)
    {
        var value = Integer(element, path);
        return value is >= 0 and <= int.MaxValue ? (int)value : throw Error(path, $"must be a non-negative integer, got {value}");
    }
}
