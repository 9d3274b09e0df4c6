using System.Runtime.InteropServices;
using System.Text.Json;

namespace GymServer.Client.Spaces;

/// <summary>A Box's numpy dtype: its name, the .NET element type of its values and how those are read and written.</summary>
internal sealed class BoxDType
{
    private static readonly BoxDType[] All =
    [
        new("float32", typeof(float), sizeof(float), isFloat: true),
        new("float64", typeof(double), sizeof(double), isFloat: true),
        new("int8", typeof(sbyte), sizeof(sbyte), isFloat: false),
        new("int16", typeof(short), sizeof(short), isFloat: false),
        new("int32", typeof(int), sizeof(int), isFloat: false),
        new("int64", typeof(long), sizeof(long), isFloat: false),
        new("uint8", typeof(byte), sizeof(byte), isFloat: false),
        new("uint16", typeof(ushort), sizeof(ushort), isFloat: false),
        new("uint32", typeof(uint), sizeof(uint), isFloat: false),
        new("uint64", typeof(ulong), sizeof(ulong), isFloat: false),
    ];

    private BoxDType(string name, Type elementType, int size, bool isFloat)
    {
        Name = name;
        ElementType = elementType;
        Size = size;
        IsFloat = isFloat;
    }

    public string Name { get; }

    public Type ElementType { get; }

    public int Size { get; }

    public bool IsFloat { get; }

    public static BoxDType Of(string name) =>
        All.FirstOrDefault(d => d.Name == name) ?? throw new FormatException($"unsupported Box dtype '{name}'");

    /// <summary>An array of this dtype from JSON elements (numbers, or the strings of non-finite floats).</summary>
    public Array FromJson(IReadOnlyList<JsonElement> elements)
    {
        var array = Array.CreateInstance(ElementType, elements.Count);
        for (var i = 0; i < elements.Count; i++)
        {
            array.SetValue(IsFloat ? Convert.ChangeType(NumberConversions.ReadDouble(elements[i]), ElementType, null)
                : ElementType == typeof(ulong) ? elements[i].GetUInt64()
                : Convert.ChangeType(elements[i].GetInt64(), ElementType, null), i);
        }
        return array;
    }

    /// <summary>Element <paramref name="index"/> of an array of this dtype, as JSON.</summary>
    public void WriteElement(Utf8JsonWriter writer, Array array, int index)
    {
        switch (array)
        {
            case float[] f: NumberConversions.WriteSingle(writer, f[index]); break;
            case double[] d: NumberConversions.WriteDouble(writer, d[index]); break;
            case ulong[] u: writer.WriteNumberValue(u[index]); break;
            default: writer.WriteNumberValue(Convert.ToInt64(array.GetValue(index), null)); break;
        }
    }

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
    public Array ReadBytes(ReadOnlySpan<byte> bytes) => Name switch
    {
        "float32" => MemoryMarshal.Cast<byte, float>(bytes).ToArray(),
        "float64" => MemoryMarshal.Cast<byte, double>(bytes).ToArray(),
        "int8" => MemoryMarshal.Cast<byte, sbyte>(bytes).ToArray(),
        "int16" => MemoryMarshal.Cast<byte, short>(bytes).ToArray(),
        "int32" => MemoryMarshal.Cast<byte, int>(bytes).ToArray(),
        "int64" => MemoryMarshal.Cast<byte, long>(bytes).ToArray(),
        "uint8" => bytes.ToArray(),
        "uint16" => MemoryMarshal.Cast<byte, ushort>(bytes).ToArray(),
        "uint32" => MemoryMarshal.Cast<byte, uint>(bytes).ToArray(),
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
