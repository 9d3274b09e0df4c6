using System.Buffers.Binary;
using GymServer.Protocol.Spaces;

namespace GymServer.Engine.Spaces;

/// <summary>
/// Gymnasium's <c>MultiDiscrete(nvec, dtype, start)</c>: element i is in start[i] .. start[i] + nvec[i] - 1.
/// A value is held as int64s (row-major) whatever the dtype.
/// </summary>
public sealed class MultiDiscrete : Space
{
    /// <param name="nvec">The counts, flat in row-major order.</param>
    /// <param name="start">The smallest values (zeros when null).</param>
    /// <param name="shape">The shape (one axis of nvec's length when null).</param>
    /// <param name="dtype">An integer dtype every value must fit in.</param>
    public MultiDiscrete(long[] nvec, long[]? start = null, int[]? shape = null, DType dtype = DType.Int64)
    {
        if (!DTypes.IsInteger(dtype))
        {
            throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "MultiDiscrete dtype must be an integer dtype");
        }
        // The description checks that nvec, start and the shape agree.
        Description = new MultiDiscreteDescription(nvec, start, shape, dtype);
        DType = dtype;
        var (min, max) = DTypes.IntegerLimits(dtype);
        for (var i = 0; i < Count; i++)
        {
            if (Nvec[i] <= 0)
            {
                throw new ArgumentException($"MultiDiscrete nvec must be positive, element {i} is {Nvec[i]}");
            }
            if (Start[i] < min || (Int128)Start[i] + Nvec[i] - 1 > max)
            {
                throw new ArgumentException($"MultiDiscrete element {i} (start {Start[i]}, n {Nvec[i]}) does not fit dtype {DTypes.Name(dtype)}");
            }
        }
    }

    public ReadOnlySpan<long> Nvec => Description.Nvec;

    public ReadOnlySpan<long> Start => Description.Start;

    public ReadOnlySpan<int> Shape => Description.Shape;

    public DType DType { get; }

    public int Count => Description.Count;

    public override string TypeName => "MultiDiscrete";

    public override int ByteSize => Count * sizeof(long);

    public override MultiDiscreteDescription Description { get; }

    public long Read(ReadOnlySpan<byte> value, int index) => BinaryPrimitives.ReadInt64LittleEndian(value[(index * sizeof(long))..]);

    public override bool Contains(ReadOnlySpan<byte> value)
    {
        if (value.Length != ByteSize)
        {
            return false;
        }
        for (var i = 0; i < Count; i++)
        {
            var element = Read(value, i);
            if (element < Start[i] || (Int128)element - Start[i] >= Nvec[i])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Gymnasium: <c>(np_random.random(shape) * nvec).astype(dtype) + start</c>.</summary>
    public override void Sample(Span<byte> destination)
    {
        var random = NpRandom;
        var nvec = Nvec;
        var start = Start;
        for (var i = 0; i < Count; i++)
        {
            // The product is below nvec, so the cast truncates toward zero within the dtype, as numpy's does.
            var drawn = (long)(random.Random() * nvec[i]);
            BinaryPrimitives.WriteInt64LittleEndian(destination[(i * sizeof(long))..], drawn + start[i]);
        }
    }
}
