using System.Text.Json;

namespace GymServer.Protocol.Spaces;

/// <summary>
/// <c>{"type":"Box","shape":[..],"dtype":"float32","low":[..],"high":[..]}</c>: bounds as flat lists, floats in their
/// shortest round-trip form, integers exactly, and "-inf" / "inf" where the Box is unbounded (for signed integer
/// Boxes too, so that a description read back keeps the element unbounded). A value is its elements in the dtype,
/// row-major; its JSON form nested lists of the shape, as numpy's <c>tolist()</c> writes them.
/// </summary>
public sealed class BoxDescription : SpaceDescription
{
    private readonly int[] _shape;
    private readonly ElementValues<double> _low;
    private readonly ElementValues<double> _high;
    // Exact integer bounds, kept only where a double cannot carry them: an image Box's 100,800 bounds of 0 and 255
    // would take 3.2 MB each as Int128?, for values their doubles hold exactly (see Derived).
    private readonly Int128?[]? _exactLow;
    private readonly Int128?[]? _exactHigh;
    private readonly bool _lowDerived;
    private readonly bool _highDerived;

    /// <param name="shape">The shape.</param>
    /// <param name="dtype">The element type.</param>
    /// <param name="low">Lower bounds, flat: -infinity where unbounded.</param>
    /// <param name="high">Upper bounds, flat: +infinity where unbounded.</param>
    /// <param name="exactLow">For integer dtypes, the exact value of each finite bound (int64 limits do not survive a
    /// double); null elements, or no array, where there is none.</param>
    /// <param name="exactHigh">As <paramref name="exactLow"/>, for the upper bounds.</param>
    public BoxDescription(int[] shape, DType dtype, double[] low, double[] high, Int128?[]? exactLow = null, Int128?[]? exactHigh = null)
        : this(shape, dtype, ElementValues.Of<double>(low), ElementValues.Of<double>(high), Exact(exactLow, low.Length), Exact(exactHigh, high.Length))
    {
    }

    /// <param name="shape">The shape.</param>
    /// <param name="dtype">The element type.</param>
    /// <param name="low">Lower bounds: -infinity where unbounded.</param>
    /// <param name="high">Upper bounds: +infinity where unbounded.</param>
    /// <param name="exactLow">For integer dtypes, the exact value of element i's finite bound (int64 limits do not
    /// survive a double), null where there is none; no function where no element has one. Asked once or twice per
    /// element here, never later: only values a double cannot carry are kept.</param>
    /// <param name="exactHigh">As <paramref name="exactLow"/>, for the upper bounds.</param>
    public BoxDescription(int[] shape, DType dtype, ElementValues<double> low, ElementValues<double> high, Func<int, Int128?>? exactLow, Func<int, Int128?>? exactHigh)
    {
        Count = ElementCount(shape);
        if (low.Count != Count || high.Count != Count)
        {
            throw new ArgumentException($"Box low and high must have {Count} elements for shape {ShapeText(shape)}, got {low.Count} and {high.Count}");
        }
        _shape = [.. shape];
        DType = dtype;
        (_low, _high) = (low, high);
        (_exactLow, _lowDerived) = Compact(exactLow, _low);
        (_exactHigh, _highDerived) = Compact(exactHigh, _high);
    }

    public ReadOnlySpan<int> Shape => _shape;

    public DType DType { get; }

    /// <summary>The number of elements.</summary>
    public int Count { get; }

    /// <summary>Lower bounds, flat (-infinity where unbounded).</summary>
    public ElementValues<double> Low => _low;

    /// <summary>Upper bounds, flat (+infinity where unbounded).</summary>
    public ElementValues<double> High => _high;

    /// <summary>The exact lower bound of element <paramref name="index"/> of an integer Box, if the description has one.</summary>
    public Int128? ExactLow(int index) => _lowDerived ? Derived(_low[index]) : _exactLow?[index];

    /// <summary>The exact upper bound of element <paramref name="index"/> of an integer Box, if the description has one.</summary>
    public Int128? ExactHigh(int index) => _highDerived ? Derived(_high[index]) : _exactHigh?[index];

    public override string TypeName => "Box";

    public override int ByteSize => Count * DTypes.SizeOf(DType);

    /// <summary>The shape as Python prints a tuple: "(4,)", "(2, 3)".</summary>
    public string ShapeText() => ShapeText(_shape);

    public override void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("type", TypeName);
        writer.WriteStartArray("shape");
        foreach (var dimension in _shape)
        {
            writer.WriteNumberValue(dimension);
        }
        writer.WriteEndArray();
        writer.WriteString("dtype", DTypes.Name(DType));
        WriteBounds(writer, "low", _low, _exactLow, _lowDerived);
        WriteBounds(writer, "high", _high, _exactHigh, _highDerived);
        writer.WriteEndObject();
    }

    public override void WriteValue(ReadOnlySpan<byte> value, Utf8JsonWriter writer, Float32Json float32) =>
        NestedValues.Write(writer, _shape, value, DType, float32);

    /// <summary>
    /// Reads nested lists of the Box's shape, a flat list of its elements, or a bare number for a one-element
    /// Box. Integer Boxes take whole numbers within the dtype only: a value is never silently truncated or wrapped.
    /// </summary>
    public override void ReadValue(JsonElement json, Span<byte> destination) =>
        NestedValues.Read(json, _shape, destination[..ByteSize], DType, $"Box{ShapeText()} {DTypes.Name(DType)}");

    /// <summary>A bound's exact integer when its double is a whole number a double holds exactly (|x| up to 2^53).</summary>
    internal static Int128? Derived(double bound) =>
        double.IsFinite(bound) && Math.Floor(bound) == bound && Math.Abs(bound) <= 9007199254740992.0 ? (Int128)bound : null;

    private static Func<int, Int128?>? Exact(Int128?[]? exact, int boundCount) =>
        exact is null ? null
        : exact.Length == boundCount ? i => exact[i]
        : throw new ArgumentException($"Box exact bounds must have {boundCount} elements like the bounds, got {exact.Length}");

    /// <summary>
    /// The exact bounds as given, or none with <c>Derived</c> true when each is what <see cref="Derived"/> makes of
    /// its double (so nothing is lost by not keeping them).
    /// </summary>
    private static (Int128?[]? Exact, bool Derived) Compact(Func<int, Int128?>? exact, ElementValues<double> bounds)
    {
        if (exact is null)
        {
            return (null, false);
        }
        for (var i = 0; i < bounds.Count; i++)
        {
            if (exact(i) != Derived(bounds[i]))
            {
                return ([.. Enumerable.Range(0, bounds.Count).Select(exact)], false);
            }
        }
        return (null, true);
    }

    private static void WriteBounds(Utf8JsonWriter writer, string name, ElementValues<double> bounds, Int128?[]? exact, bool derived)
    {
        writer.WriteStartArray(name);
        for (var i = 0; i < bounds.Count; i++)
        {
            switch (derived ? Derived(bounds[i]) : exact?[i])
            {
                case null:
                    Elements.WriteFloat(writer, bounds[i]);
                    break;
                case { } value when value > long.MaxValue:
                    writer.WriteNumberValue((ulong)value);
                    break;
                case { } value:
                    writer.WriteNumberValue((long)value);
                    break;
            }
        }
        writer.WriteEndArray();
    }

    private static string ShapeText(int[] shape) => shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
}
