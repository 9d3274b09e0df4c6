using GymServer.Protocol.Spaces;

namespace GymServer.Client.Spaces;

/// <summary>
/// Gymnasium's <c>Box(low, high, shape, dtype)</c>. Values are flat arrays of the dtype's element type in row-major
/// order (<c>float[]</c> for float32, <c>double[]</c> for float64, <c>byte[]</c> for uint8, ...). As actions, other
/// numeric arrays of the right length are converted, and a number is taken for a one-element Box.
/// </summary>
public sealed class Box : Space
{
    private readonly BoxDType _dtype;

    /// <summary>Creates a Box; <paramref name="low"/> and <paramref name="high"/> are flat, row-major.</summary>
    public Box(int[] shape, string dtype, double[] low, double[] high)
        : this(Describe(shape, dtype, low, high))
    {
    }

    internal Box(BoxDescription description)
        : base(description)
    {
        Shape = description.Shape.ToArray();
        Count = description.Count;
        _dtype = BoxDType.Of(description.DType);
        Low = description.Low.ToArray();
        High = description.High.ToArray();
    }

    /// <summary>The shape; empty for a scalar Box.</summary>
    public int[] Shape { get; }

    /// <summary>The number of elements (the product of the shape).</summary>
    public int Count { get; }

    /// <summary>The numpy dtype name: "float32", "float64", "uint8", ...</summary>
    public string DType => _dtype.Name;

    /// <summary>The .NET element type of values: <see cref="float"/> for float32, ...</summary>
    public Type ElementType => _dtype.ElementType;

    /// <summary>Lower bounds, flat (-infinity where unbounded).</summary>
    public double[] Low { get; }

    /// <summary>Upper bounds, flat (+infinity where unbounded).</summary>
    public double[] High { get; }


    /// <inheritdoc />
    public override bool Contains(object? value)
    {
        if (value is not Array array || array.GetType().GetElementType() != _dtype.ElementType || array.Length != Count)
        {
            return false;
        }
        for (var i = 0; i < Count; i++)
        {
            var x = Convert.ToDouble(array.GetValue(i), null);
            if (!(x >= Low[i] && x <= High[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc />
    public override object ReadBytes(ReadOnlySpan<byte> bytes) => _dtype.ReadBytes(bytes[..ByteSize]);

    /// <inheritdoc />
    public override void WriteBytes(object value, Span<byte> bytes) => BoxDType.WriteBytes(ToArray(value), bytes);

    private Array ToArray(object value) =>
        _dtype.Coerce(value, Count) ?? throw NotAValue(value, $"{Count} number(s), ideally a {_dtype.ElementType.Name}[]");

    /// <inheritdoc />
    public override string ToString() => $"Box(shape=({string.Join(", ", Shape)}), dtype={DType})";

    private static BoxDescription Describe(int[] shape, string dtype, double[] low, double[] high)
    {
        var type = BoxDType.Of(dtype);
        var count = NumberConversions.Count(shape);
        if (low.Length != count || high.Length != count)
        {
            throw new ArgumentException($"a Box of shape ({string.Join(", ", shape)}) needs {count} bounds, got {low.Length} and {high.Length}");
        }
        return new BoxDescription(shape, type.DType, low, high);
    }
}
