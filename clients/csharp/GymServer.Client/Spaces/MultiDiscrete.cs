using System.Runtime.InteropServices;
using GymServer.Protocol.Spaces;

namespace GymServer.Client.Spaces;

/// <summary>
/// Gymnasium's <c>MultiDiscrete(nvec, start)</c>: element i takes the integers start[i] .. start[i] + nvec[i] - 1.
/// Values are flat <c>long[]</c> in row-major order (int64 each in the binary layout).
/// </summary>
public sealed class MultiDiscrete : Space
{
    /// <summary>Creates the space; <paramref name="nvec"/> and <paramref name="start"/> are flat, row-major.</summary>
    public MultiDiscrete(int[] shape, long[] nvec, long[] start)
        : this(Describe(shape, nvec, start))
    {
    }

    internal MultiDiscrete(MultiDiscreteDescription description)
        : base(description)
    {
        Shape = description.Shape.ToArray();
        Nvec = description.Nvec.ToArray();
        Start = description.Start.ToArray();
    }

    /// <summary>The shape of values (that of nvec).</summary>
    public int[] Shape { get; }

    /// <summary>The number of values of each element, flat.</summary>
    public long[] Nvec { get; }

    /// <summary>The smallest value of each element, flat.</summary>
    public long[] Start { get; }

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

    private static MultiDiscreteDescription Describe(int[] shape, long[] nvec, long[] start)
    {
        if (nvec.Length != NumberConversions.Count(shape) || start.Length != nvec.Length)
        {
            throw new ArgumentException("nvec and start must have one element per element of the shape");
        }
        return new MultiDiscreteDescription(nvec, start, shape);
    }
}
