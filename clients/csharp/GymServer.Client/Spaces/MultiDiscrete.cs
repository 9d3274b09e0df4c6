using System.Runtime.InteropServices;
using System.Text.Json;

namespace GymServer.Client.Spaces;

/// <summary>
/// Gymnasium's <c>MultiDiscrete(nvec, start)</c>: element i takes the integers start[i] .. start[i] + nvec[i] - 1.
/// Values are flat <c>long[]</c> in row-major order (int64 each in the binary layout).
/// </summary>
public sealed class MultiDiscrete : Space
{
    /// <summary>Creates the space; <paramref name="nvec"/> and <paramref name="start"/> are flat, row-major.</summary>
    public MultiDiscrete(int[] shape, long[] nvec, long[] start)
    {
        if (nvec.Length != NumberConversions.Count(shape) || start.Length != nvec.Length)
        {
            throw new ArgumentException("nvec and start must have one element per element of the shape");
        }
        Shape = shape;
        Nvec = nvec;
        Start = start;
    }

    /// <summary>The shape of values (that of nvec).</summary>
    public int[] Shape { get; }

    /// <summary>The number of values of each element, flat.</summary>
    public long[] Nvec { get; }

    /// <summary>The smallest value of each element, flat.</summary>
    public long[] Start { get; }

    /// <inheritdoc />
    public override string TypeName => "MultiDiscrete";

    /// <inheritdoc />
    public override int ByteSize => Nvec.Length * sizeof(long);

    internal static MultiDiscrete FromDescription(JsonElement description)
    {
        var nvec = description.GetProperty("nvec");
        var values = NumberConversions.Flatten(nvec).Select(e => e.GetInt64()).ToArray();
        var start = description.TryGetProperty("start", out var s) && s.ValueKind != JsonValueKind.Null
            ? NumberConversions.Flatten(s).Select(e => e.GetInt64()).ToArray()
            : new long[values.Length];
        return new MultiDiscrete(ShapeOf(nvec), values, start);
    }

    /// <summary>The shape of a nested JSON list (its first element's at each depth).</summary>
    internal static int[] ShapeOf(JsonElement json)
    {
        var shape = new List<int>();
        while (json.ValueKind == JsonValueKind.Array)
        {
            shape.Add(json.GetArrayLength());
            if (json.GetArrayLength() == 0)
            {
                break;
            }
            json = json[0];
        }
        return [.. shape];
    }

    /// <inheritdoc />
    public override bool Contains(object? value)
    {
        if (value is not long[] x || x.Length != Nvec.Length)
        {
            return false;
        }
        for (var i = 0; i < x.Length; i++)
        {
            if (x[i] < Start[i] || x[i] >= Start[i] + Nvec[i])
            {
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc />
    public override object ReadJson(JsonElement json) => NumberConversions.Flatten(json).Select(e => e.GetInt64()).ToArray();

    /// <inheritdoc />
    public override void WriteJson(Utf8JsonWriter writer, object value)
    {
        var x = ToArray(value);
        NumberConversions.WriteNested(writer, Shape, (w, i) => w.WriteNumberValue(x[i]));
    }

    /// <inheritdoc />
    public override object ReadBytes(ReadOnlySpan<byte> bytes) => MemoryMarshal.Cast<byte, long>(bytes[..ByteSize]).ToArray();

    /// <inheritdoc />
    public override void WriteBytes(object value, Span<byte> bytes) => MemoryMarshal.AsBytes(ToArray(value).AsSpan()).CopyTo(bytes);

    private long[] ToArray(object value)
    {
        if (value is long[] longs && longs.Length == Nvec.Length)
        {
            return longs;
        }
        if (value is Array array && array.Length == Nvec.Length)
        {
            var result = new long[array.Length];
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = NumberConversions.TryToInt64(array.GetValue(i), out var x) ? x : throw NotAValue(value, $"{Nvec.Length} integers");
            }
            return result;
        }
        throw NotAValue(value, $"a long[] of {Nvec.Length} integers");
    }

    /// <inheritdoc />
    public override string ToString() => $"MultiDiscrete([{string.Join(", ", Nvec)}])";
}
