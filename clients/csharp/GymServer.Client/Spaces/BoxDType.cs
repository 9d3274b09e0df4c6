using System.Runtime.InteropServices;
using GymServer.Protocol.Spaces;

namespace GymServer.Client.Spaces;

/// <summary>
/// A Box's numpy dtype as the client holds its values: the .NET element type of its arrays and how those convert to
/// and from the raw layout. Names and sizes are the protocol's (<see cref="DTypes"/>).
/// </summary>
internal sealed class BoxDType
{
    private static readonly BoxDType[] All =
    [
        new(DType.Float32, typeof(float)),
        new(DType.Float64, typeof(double)),
        new(DType.Int8, typeof(sbyte)),
        new(DType.Int16, typeof(short)),
        new(DType.Int32, typeof(int)),
        new(DType.Int64, typeof(long)),
        new(DType.UInt8, typeof(byte)),
        new(DType.UInt16, typeof(ushort)),
        new(DType.UInt32, typeof(uint)),
        new(DType.UInt64, typeof(ulong)),
    ];

    private BoxDType(DType dtype, Type elementType)
    {
        DType = dtype;
        ElementType = elementType;
    }

    public DType DType { get; }

    public string Name => DTypes.Name(DType);

    public Type ElementType { get; }

    public static BoxDType Of(string name) =>
        DTypes.TryParse(name, out var dtype) ? Of(dtype) : throw new FormatException($"unsupported Box dtype '{name}'");

    public static BoxDType Of(DType dtype) =>
        All.FirstOrDefault(d => d.DType == dtype) ?? throw new FormatException($"unsupported Box dtype '{DTypes.Name(dtype)}'");

    /// <summary>The raw little-endian bytes of an array of this dtype.</summary>
    public static void WriteBytes(Array array, Span<byte> bytes)
    {
        var source = array switch
        {
            float[] a => MemoryMarshal.AsBytes(a.AsSpan()),
            double[] a => MemoryMarshal.AsBytes(a.AsSpan()),
            sbyte[] a => MemoryMarshal.AsBytes(a.AsSpan()),
            short[] a => MemoryMarshal.AsBytes(a.AsSpan()),
            int[] a => MemoryMarshal.AsBytes(a.AsSpan()),
            long[] a => MemoryMarshal.AsBytes(a.AsSpan()),
            byte[] a => a.AsSpan(),
            ushort[] a => MemoryMarshal.AsBytes(a.AsSpan()),
            uint[] a => MemoryMarshal.AsBytes(a.AsSpan()),
            ulong[] a => MemoryMarshal.AsBytes(a.AsSpan()),
            _ => throw new ArgumentException($"{array.GetType().Name} is not an array of a Box dtype"),
        };
        source.CopyTo(bytes);
    }

    /// <summary>An array of this dtype read from raw little-endian bytes.</summary>
    public Array ReadBytes(ReadOnlySpan<byte> bytes) => DType switch
    {
        DType.Float32 => MemoryMarshal.Cast<byte, float>(bytes).ToArray(),
        DType.Float64 => MemoryMarshal.Cast<byte, double>(bytes).ToArray(),
        DType.Int8 => MemoryMarshal.Cast<byte, sbyte>(bytes).ToArray(),
        DType.Int16 => MemoryMarshal.Cast<byte, short>(bytes).ToArray(),
        DType.Int32 => MemoryMarshal.Cast<byte, int>(bytes).ToArray(),
        DType.Int64 => MemoryMarshal.Cast<byte, long>(bytes).ToArray(),
        DType.UInt8 => bytes.ToArray(),
        DType.UInt16 => MemoryMarshal.Cast<byte, ushort>(bytes).ToArray(),
        DType.UInt32 => MemoryMarshal.Cast<byte, uint>(bytes).ToArray(),
        _ => MemoryMarshal.Cast<byte, ulong>(bytes).ToArray(),
    };

    /// <summary>
    /// <paramref name="value"/> as an array of this dtype of <paramref name="count"/> elements: the array itself when
    /// it already is one, else converted from any array of numbers or, for one element, a number.
    /// </summary>
    public Array? Coerce(object? value, int count)
    {
        if (value is Array array && array.GetType().GetElementType() == ElementType && array.Rank == 1 && array.Length == count)
        {
            return array;
        }
        try
        {
            if (value is Array other && other.Length == count)
            {
                var result = Array.CreateInstance(ElementType, count);
                var i = 0;
                foreach (var element in other)
                {
                    result.SetValue(Convert.ChangeType(element, ElementType, null), i++);
                }
                return result;
            }
            if (count == 1 && value is IConvertible scalar and not string)
            {
                var result = Array.CreateInstance(ElementType, 1);
                result.SetValue(Convert.ChangeType(scalar, ElementType, null), 0);
                return result;
            }
        }
        catch (Exception e) when (e is InvalidCastException or OverflowException or FormatException)
        {
            return null;
        }
        return null;
    }
}
