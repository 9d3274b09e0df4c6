using System.Buffers.Binary;
using GymServer.Protocol.Spaces;

namespace GymServer.Engine.Spaces;

/// <summary>
/// Gymnasium's <c>MultiDiscrete(nvec, dtype, start)</c>: element i is in start[i] .. start[i] + nvec[i] - 1.
/// A value is held as int64s (row-major) whatever the dtype.
/// </summary>
public sealed class MultiDiscrete : Space
{
    private readonly long[] _nvec;
    private readonly long[] _start;
    private readonly int[] _shape;

    /// <param name="nvec">The counts, flat in row-major order.</param>
    /// <param name="start">The smallest values (zeros when null).</param>
    /// <param name="shape">The shape (one axis of nvec's length when null).</param>
    /// <param name="dtype">An integer dtype every value must fit in.</param>
    public MultiDiscrete(long[] nvec, long[]? start = null, int[]? shape = null, DType dtype = DType.Int64)
    {
        _shape = shape is null ? [nvec.Length] : [.. shape];
        var count = _shape.Aggregate(1, (product, dimension) => checked(product * dimension));
        if (_shape.Any(dimension => dimension < 0) || nvec.Length != count)
        {
            throw new ArgumentException($"MultiDiscrete nvec has {nvec.Length} elements, which does not fit shape ({string.Join(", ", _shape)})");
        }
        if (start is not null && start.Length != nvec.Length)
        {
            throw new ArgumentException($"MultiDiscrete start has {start.Length} elements, nvec {nvec.Length}: they must have the same shape");
        }
        if (!DTypes.IsInteger(dtype))
        {
            throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "MultiDiscrete dtype must be an integer dtype");
        }
        _nvec = [.. nvec];
        _start = start is null ? new long[nvec.Length] : [.. start];
        DType = dtype;
        var (min, max) = DTypes.IntegerLimits(dtype);
        for (var i = 0; i < _nvec.Length; i++)
        {
            if (_nvec[i] <= 0)
            {
                throw new ArgumentException($"MultiDiscrete nvec must be positive, element {i} is {_nvec[i]}");
            }
            if (_start[i] < min || (Int128)_start[i] + _nvec[i] - 1 > max)
            {
                throw new ArgumentException($"MultiDiscrete element {i} (start {_start[i]}, n {_nvec[i]}) does not fit dtype {DTypes.Name(dtype)}");
            }
        }
        Description = new MultiDiscreteDescription(_nvec, _start, _shape, dtype);
    }

    public ReadOnlySpan<long> Nvec => _nvec;

    public ReadOnlySpan<long> Start => _start;

    public ReadOnlySpan<int> Shape => _shape;

    public DType DType { get; }

    public int Count => _nvec.Length;

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
            if (element < _start[i] || (Int128)element - _start[i] >= _nvec[i])
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
        for (var i = 0; i < Count; i++)
        {
            // The product is below nvec, so the cast truncates toward zero within the dtype, as numpy's does.
            var drawn = (long)(random.Random() * _nvec[i]);
            BinaryPrimitives.WriteInt64LittleEndian(destination[(i * sizeof(long))..], drawn + _start[i]);
        }
    }
}
