using GymServer.Protocol.Spaces;

namespace GymServer.Engine.Spaces;

/// <summary>
/// Gymnasium's <c>Discrete(n, start, dtype)</c>: the integers start .. start + n - 1. A value is held as one int64
/// whatever the dtype; the dtype decides which of numpy's bounded-integer paths <see cref="Sample(Span{byte})"/>
/// draws on (int64, the default, and int32 share the 32-bit path for n up to 2^32).
/// </summary>
public sealed class Discrete : Space
{
    public Discrete(long n, long start = 0, DType dtype = DType.Int64)
    {
        if (n <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "Discrete n must be positive");
        }
        if (!DTypes.IsInteger(dtype))
        {
            throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "Discrete dtype must be an integer dtype");
        }
        var (min, max) = DTypes.IntegerLimits(dtype);
        // Gymnasium casts n itself to the dtype too: an n the dtype cannot hold gives a broken space there.
        if (n > max)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, $"Discrete n {n} does not fit dtype {DTypes.Name(dtype)}");
        }
        if (start < min || (Int128)start + n - 1 > max)
        {
            throw new ArgumentOutOfRangeException(nameof(start), start, $"Discrete({n}, start={start}) does not fit dtype {DTypes.Name(dtype)}");
        }
        N = n;
        Start = start;
        DType = dtype;
        Description = new DiscreteDescription(n, start, dtype);
    }

    public long N { get; }

    public long Start { get; }

    public DType DType { get; }

    public override string TypeName => "Discrete";

    public override int ByteSize => sizeof(long);

    public override DiscreteDescription Description { get; }

    public static long Read(ReadOnlySpan<byte> value) => DiscreteDescription.Read(value);

    public static void Write(Span<byte> destination, long value) => DiscreteDescription.Write(destination, value);

    /// <summary>
    /// Gymnasium 1.4.0's check, against the largest element: <c>value - start</c> would overflow for a value near
    /// the int64 limit and a negative start (and did in 1.2.2 for narrow dtypes). The constructor made sure
    /// <c>start + n - 1</c> fits.
    /// </summary>
    public bool Contains(long value) => value >= Start && value <= Start + (N - 1);

    public override bool Contains(ReadOnlySpan<byte> value) => value.Length == ByteSize && Contains(Read(value));

    /// <summary>Gymnasium: <c>start + np_random.integers(n, dtype=dtype)</c>.</summary>
    public override void Sample(Span<byte> destination) => Write(destination, Start + NpRandom.Integers(0, N, DType));

    /// <summary>
    /// Gymnasium's <c>sample(mask)</c>: mask holds n values, 1 for allowed and 0 for forbidden; the sample is
    /// <c>start + choice(allowed indices)</c>, or start (without drawing) when nothing is allowed.
    /// </summary>
    public void Sample(Span<byte> destination, ReadOnlySpan<sbyte> mask)
    {
        if (mask.Length != N)
        {
            throw new ArgumentException($"a mask for Discrete({N}) has {N} values, not {mask.Length}", nameof(mask));
        }
        var allowed = 0;
        foreach (var flag in mask)
        {
            if (flag is not (0 or 1))
            {
                throw new ArgumentException($"mask values must be 0 or 1, got {flag}", nameof(mask));
            }
            allowed += flag;
        }
        if (allowed == 0)
        {
            Write(destination, Start);
            return;
        }
        // choice(array) draws integers(0, len) and indexes: find the k-th allowed index without building the array.
        var k = NpRandom.Choice(allowed);
        var index = -1;
        while (k >= 0)
        {
            index++;
            k -= mask[index];
        }
        Write(destination, Start + index);
    }
}
