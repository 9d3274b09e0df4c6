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
    /// of an integer Box are kept exact (int64 limits do not survive a double).
    /// </summary>
    private static (double[] Values, Int128?[] Exact) Bounds(JsonElement element, int count, bool integers, string path)
    {
        var items = new List<JsonElement>(count);
        if (element.ValueKind == JsonValueKind.Array)
        {
            Flatten(element, items);
            if (items.Count != count)
            {
                throw Error(path, $"expected {count} bounds, got {items.Count}");
            }
        }
        else
        {
            items.AddRange(Enumerable.Repeat(element, count));
        }
        var values = new double[count];
        var exact = new Int128?[count];
        for (var i = 0; i < count; i++)
        {
            if (integers && Elements.TryReadWholeNumber(items[i], out var integer))
            {
                exact[i] = integer;
                values[i] = Elements.ToDouble(integer);
            }
            else if (Elements.TryReadFloat(items[i], out var number) && !double.IsNaN(number))
            {
                values[i] = number;
            }
            else
            {
                throw Error($"{path}[{i}]", $"expected a number, \"inf\" or \"-inf\", got {items[i].GetRawText()}");
            }
        }
        return (values, exact);
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

    private static void Flatten(JsonElement element, List<JsonElement> items)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            items.Add(element);
            return;
        }
        foreach (var item in element.EnumerateArray())
        {
            Flatten(item, items);
        }
    }

    private static int Dimension(JsonElement element, string path)
    {
        var value = Integer(element, path);
        return value is >= 0 and <= int.MaxValue ? (int)value : throw Error(path, $"must be a non-negative integer, got {value}");
    }
}
