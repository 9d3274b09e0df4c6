using System.Runtime.InteropServices;
using GymServer.Protocol.Spaces;

namespace GymServer.Engine.Spaces;

/// <summary>
/// Gymnasium's <c>MultiBinary(n)</c>: int8 elements, each 0 or 1, of shape (n,) or the shape given.
/// A value is held as int8s, row-major.
/// </summary>
public sealed class MultiBinary : Space
{
    private readonly int[] _shape;

    public MultiBinary(int n)
        : this([n], nIsShape: false)
    {
    }

    public MultiBinary(int[] shape)
        : this(shape, nIsShape: true)
    {
    }

    private MultiBinary(int[] shape, bool nIsShape)
    {
        if (shape.Length == 0 || shape.Any(dimension => dimension <= 0))
        {
            throw new ArgumentException($"MultiBinary n must be positive, got ({string.Join(", ", shape)})");
        }
        _shape = [.. shape];
        // Gymnasium keeps n as given: an int, or a tuple for a shape. The description writes it back the same way.
        Description = new MultiBinaryDescription(_shape, nIsShape);
        Count = _shape.Aggregate(1, (product, dimension) => checked(product * dimension));
    }

    public ReadOnlySpan<int> Shape => _shape;

    public int Count { get; }

    public override string TypeName => "MultiBinary";

    public override int ByteSize => Count;

    public override MultiBinaryDescription Description { get; }

    public override bool Contains(ReadOnlySpan<byte> value)
    {
        if (value.Length != ByteSize)
        {
            return false;
        }
        foreach (var element in value)
        {
            if (element > 1)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Gymnasium: <c>np_random.integers(0, 2, size=n, dtype=np.int8)</c>, numpy's 8-bit buffered path.</summary>
    public override void Sample(Span<byte> destination) =>
        NpRandom.Integers(0, 2, MemoryMarshal.Cast<byte, sbyte>(destination[..ByteSize]));
}
