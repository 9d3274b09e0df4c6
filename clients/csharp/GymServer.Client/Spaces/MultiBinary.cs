using GymServer.Protocol.Spaces;

namespace GymServer.Client.Spaces;

/// <summary>Gymnasium's <c>MultiBinary(n)</c>: values are flat <c>byte[]</c> of 0 and 1 (int8 each in the binary layout).</summary>
public sealed class MultiBinary : Space
{
    /// <summary>Creates the space of values of <paramref name="shape"/>.</summary>
    public MultiBinary(int[] shape)
        : this(new MultiBinaryDescription(shape, nIsShape: shape.Length != 1))
    {
    }

    internal MultiBinary(MultiBinaryDescription description)
        : base(description)
    {
        Shape = description.Shape.ToArray();
        Count = description.Count;
    }

    /// <summary>The shape of values.</summary>
    public int[] Shape { get; }

    /// <summary>The number of elements.</summary>
    public int Count { get; }


    /// <inheritdoc />
    public override bool Contains(object? value) => value is byte[] x && x.Length == Count && x.All(b => b <= 1);

    /// <inheritdoc />
    public override object ReadBytes(ReadOnlySpan<byte> bytes) => bytes[..Count].ToArray();

    /// <inheritdoc />
    public override void WriteBytes(object value, Span<byte> bytes) => ToArray(value).CopyTo(bytes);

    private byte[] ToArray(object value)
    {
        switch (value)
        {
            case byte[] b when b.Length == Count:
                return b;
            case Array array when array.Length == Count:
                var result = new byte[Count];
                for (var i = 0; i < Count; i++)
                {
                    result[i] = NumberConversions.TryToInt64(array.GetValue(i), out var x) && x is 0 or 1
                        ? (byte)x
                        : array.GetValue(i) is bool flag ? (byte)(flag ? 1 : 0) : throw NotAValue(value, $"{Count} zeros and ones");
                }
                return result;
            default:
                throw NotAValue(value, $"a byte[] of {Count} zeros and ones");
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"MultiBinary({string.Join(", ", Shape)})";
}
