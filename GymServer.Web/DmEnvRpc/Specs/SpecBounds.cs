using GymServer.Web.DmEnvRpc.V1;
using Google.Protobuf;

namespace GymServer.Web.DmEnvRpc.Specs;

/// <summary>
/// A spec's min and max in the payload of its data type: one element when every element has the same bound (the
/// protocol lets one stand for all, which keeps an image's spec small), else one per element.
/// </summary>
internal static class SpecBounds
{
    /// <summary>Exact int64 bounds (Discrete, MultiDiscrete).</summary>
    public static TensorSpec.Types.Value Int64(long[] bounds)
    {
        var array = new Tensor.Types.Int64Array();
        array.Array.AddRange(Compact(bounds));
        return new TensorSpec.Types.Value { Int64S = array };
    }

    /// <summary>
    /// Bounds held as doubles (a Box's low and high), written in <paramref name="type"/>. Integer bounds beyond the
    /// type's range (int64's limits rounded up as doubles) are the type's limits.
    /// </summary>
    public static TensorSpec.Types.Value FromDoubles(DataType type, double[] bounds)
    {
        var values = Compact(bounds);
        var value = new TensorSpec.Types.Value();
        switch (type)
        {
            case DataType.Float:
                value.Floats = new Tensor.Types.FloatArray();
                value.Floats.Array.AddRange(values.Select(bound => (float)bound));
                break;
            case DataType.Double:
                value.Doubles = new Tensor.Types.DoubleArray();
                value.Doubles.Array.AddRange(values);
                break;
            case DataType.Int8:
                value.Int8S = new Tensor.Types.Int8Array { Array = ByteString.CopyFrom([.. values.Select(bound => unchecked((byte)(sbyte)Saturate(bound, sbyte.MinValue, sbyte.MaxValue)))]) };
                break;
            case DataType.Uint8:
                value.Uint8S = new Tensor.Types.Uint8Array { Array = ByteString.CopyFrom([.. values.Select(bound => (byte)Saturate(bound, 0, byte.MaxValue))]) };
                break;
            case DataType.Int32:
                value.Int32S = new Tensor.Types.Int32Array();
                value.Int32S.Array.AddRange(values.Select(bound => (int)Saturate(bound, int.MinValue, int.MaxValue)));
                break;
            case DataType.Int64:
                value.Int64S = new Tensor.Types.Int64Array();
                value.Int64S.Array.AddRange(values.Select(ToInt64));
                break;
            case DataType.Uint32:
                value.Uint32S = new Tensor.Types.Uint32Array();
                value.Uint32S.Array.AddRange(values.Select(bound => (uint)Saturate(bound, 0, uint.MaxValue)));
                break;
            case DataType.Uint64:
                value.Uint64S = new Tensor.Types.Uint64Array();
                value.Uint64S.Array.AddRange(values.Select(ToUInt64));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "bounds are only for numeric types");
        }
        return value;
    }

    /// <summary>The bounds as a message quotes them: <c>0</c>, or <c>[-4.8, -inf, ...]</c> (at most 8 shown).</summary>
    public static string Text<T>(IReadOnlyList<T> bounds)
    {
        var shown = Compact(bounds);
        if (shown.Length == 1)
        {
            return Format(shown[0]);
        }
        var text = string.Join(", ", shown.Take(8).Select(Format));
        return shown.Length > 8 ? $"[{text}, ...]" : $"[{text}]";
    }

    private static string Format<T>(T value) => value switch
    {
        double number when double.IsPositiveInfinity(number) => "inf",
        double number when double.IsNegativeInfinity(number) => "-inf",
        double number => number.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    private static T[] Compact<T>(IReadOnlyList<T> bounds) =>
        bounds.Count > 0 && bounds.All(bound => EqualityComparer<T>.Default.Equals(bound, bounds[0])) ? [bounds[0]] : [.. bounds];

    // 2^63 and 2^64, the first doubles past int64's and uint64's ranges (their limits round up to them as doubles).
    private const double TwoTo63 = 9223372036854775808.0;
    private const double TwoTo64 = 18446744073709551616.0;

    private static long ToInt64(double bound) => bound >= TwoTo63 ? long.MaxValue : bound <= -TwoTo63 ? long.MinValue : (long)bound;

    private static ulong ToUInt64(double bound) => bound >= TwoTo64 ? ulong.MaxValue : bound <= 0 ? 0 : (ulong)bound;

    /// <summary>A double clamped to [min, max], limits a double holds exactly; the caller's cast is then in range.</summary>
    private static double Saturate(double bound, double min, double max) =>
        bound <= min ? min : bound >= max ? max : bound;
}
