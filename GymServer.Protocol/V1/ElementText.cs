using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GymServer.Protocol.Spaces;

namespace GymServer.Protocol.V1;

/// <summary>How one element of a dtype is spelled in <see cref="NestedLists"/>, followed by a comma.</summary>
internal interface IElementText
{
    /// <summary>The most bytes <see cref="Append"/> may touch for one element, its comma included.</summary>
    static abstract int MaxLength { get; }

    /// <summary>
    /// Writes element <paramref name="index"/> of <paramref name="data"/> and a comma at <paramref name="at"/>, which
    /// has <see cref="MaxLength"/> bytes of room; returns the position after the comma.
    /// </summary>
    static abstract int Append(ReadOnlySpan<byte> data, int index, Span<byte> destination, int at);
}

/// <summary>
/// The element texts: integers in decimal (uint8 and int8 from a table of 0..255), bools as true / false, floats in
/// <see cref="PythonJson"/>'s form ("nan", "inf" and "-inf" as strings), exactly what the JSON writer gives for each.
/// </summary>
internal static class ElementText
{
    /// <summary>
    /// "0," to "255," packed little-endian in the low four bytes (the unused ones are overwritten by what follows),
    /// the text's length, comma included, above them: one load per element.
    /// </summary>
    private static readonly ulong[] SmallNumbers = BuildSmallNumbers();

    private static ulong[] BuildSmallNumbers()
    {
        var numbers = new ulong[256];
        Span<byte> text = stackalloc byte[4];
        for (var value = 0; value < numbers.Length; value++)
        {
            text.Clear();
            value.TryFormat(text, out var length, default, CultureInfo.InvariantCulture);
            text[length] = (byte)',';
            numbers[value] = BinaryPrimitives.ReadUInt32LittleEndian(text) | ((ulong)(length + 1) << 32);
        }
        return numbers;
    }

    private static int AppendSmall(int value, Span<byte> destination, int at)
    {
        // value is 0..255 (a byte, or an int8's magnitude), so the table needs no bounds check.
        var entry = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(SmallNumbers), value);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[at..], (uint)entry);
        return at + (int)(entry >> 32);
    }

    /// <summary>The most bytes <see cref="AppendPixelRow"/> writes per pixel: "[255,255,255],".</summary>
    public const int PixelMaxLength = 14;

    /// <summary>
    /// Writes a row of uint8 pixels of three channels (an RGB image's row, <paramref name="pixels"/> holding 3 bytes
    /// each) as <c>[[r,g,b],[r,g,b],...]</c> at <paramref name="at"/>; returns the position after its "]". The
    /// destination must have <see cref="PixelMaxLength"/> bytes per pixel and 2 more of room. One bounds check for
    /// the row, then per channel one table load and one 4-byte store: an Atari frame is 33,600 pixels, and this is
    /// where protocol 1 spends most of a pixel step.
    /// </summary>
    public static int AppendPixelRow(ReadOnlySpan<byte> pixels, Span<byte> destination, int at)
    {
        var count = pixels.Length / 3;
        if (count == 0 || pixels.Length != count * 3 || destination.Length - at < (count * PixelMaxLength) + 2)
        {
            throw new ArgumentException("a pixel row needs whole pixels and room for their text");
        }
        ref var table = ref MemoryMarshal.GetArrayDataReference(SmallNumbers);
        ref var source = ref MemoryMarshal.GetReference(pixels);
        ref var output = ref MemoryMarshal.GetReference(destination);
        Unsafe.Add(ref output, at++) = (byte)'[';
        for (var i = 0; i < pixels.Length; i += 3)
        {
            Unsafe.Add(ref output, at++) = (byte)'[';
            // Each entry is a number's text and its comma in the low 4 bytes (the rest overwritten by what follows).
            var red = Unsafe.Add(ref table, Unsafe.Add(ref source, i));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref output, at), (uint)red);
            at += (int)(red >> 32);
            var green = Unsafe.Add(ref table, Unsafe.Add(ref source, i + 1));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref output, at), (uint)green);
            at += (int)(green >> 32);
            var blue = Unsafe.Add(ref table, Unsafe.Add(ref source, i + 2));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref output, at), (uint)blue);
            at += (int)(blue >> 32);
            // The blue's comma closes the pixel, and a comma follows it.
            Unsafe.Add(ref output, at - 1) = (byte)']';
            Unsafe.Add(ref output, at++) = (byte)',';
        }
        // The last pixel's comma closes the row.
        Unsafe.Add(ref output, at - 1) = (byte)']';
        return at;
    }

    private static int AppendInteger(long value, Span<byte> destination, int at)
    {
        value.TryFormat(destination[at..], out var length, default, CultureInfo.InvariantCulture);
        at += length;
        destination[at] = (byte)',';
        return at + 1;
    }

    private static int AppendFloat(double value, Span<byte> destination, int at)
    {
        at += double.IsFinite(value) ? PythonJson.FormatFinite(value, destination[at..]) : AppendNonFinite(value, destination[at..]);
        destination[at] = (byte)',';
        return at + 1;
    }

    private static int AppendFloat(float value, Span<byte> destination, int at)
    {
        at += float.IsFinite(value) ? PythonJson.FormatFinite(value, destination[at..]) : AppendNonFinite(value, destination[at..]);
        destination[at] = (byte)',';
        return at + 1;
    }

    private static int AppendNonFinite(double value, Span<byte> destination)
    {
        var text = double.IsNaN(value) ? "\"nan\""u8 : value > 0 ? "\"inf\""u8 : "\"-inf\""u8;
        text.CopyTo(destination);
        return text.Length;
    }

    internal readonly struct UInt8 : IElementText
    {
        public static int MaxLength => 4;

        public static int Append(ReadOnlySpan<byte> data, int index, Span<byte> destination, int at) =>
            AppendSmall(data[index], destination, at);
    }

    internal readonly struct Int8 : IElementText
    {
        public static int MaxLength => 5;

        public static int Append(ReadOnlySpan<byte> data, int index, Span<byte> destination, int at)
        {
            int value = (sbyte)data[index];
            if (value < 0)
            {
                destination[at++] = (byte)'-';
                value = -value;
            }
            return AppendSmall(value, destination, at);
        }
    }

    internal readonly struct Int16 : IElementText
    {
        public static int MaxLength => 7;

        public static int Append(ReadOnlySpan<byte> data, int index, Span<byte> destination, int at) =>
            AppendInteger(BinaryPrimitives.ReadInt16LittleEndian(data[(index * 2)..]), destination, at);
    }

    internal readonly struct UInt16 : IElementText
    {
        public static int MaxLength => 6;

        public static int Append(ReadOnlySpan<byte> data, int index, Span<byte> destination, int at) =>
            AppendInteger(BinaryPrimitives.ReadUInt16LittleEndian(data[(index * 2)..]), destination, at);
    }

    internal readonly struct Int32 : IElementText
    {
        public static int MaxLength => 12;

        public static int Append(ReadOnlySpan<byte> data, int index, Span<byte> destination, int at) =>
            AppendInteger(BinaryPrimitives.ReadInt32LittleEndian(data[(index * 4)..]), destination, at);
    }

    internal readonly struct UInt32 : IElementText
    {
        public static int MaxLength => 11;

        public static int Append(ReadOnlySpan<byte> data, int index, Span<byte> destination, int at) =>
            AppendInteger(BinaryPrimitives.ReadUInt32LittleEndian(data[(index * 4)..]), destination, at);
    }

    internal readonly struct Int64 : IElementText
    {
        public static int MaxLength => 21;

        public static int Append(ReadOnlySpan<byte> data, int index, Span<byte> destination, int at) =>
            AppendInteger(BinaryPrimitives.ReadInt64LittleEndian(data[(index * 8)..]), destination, at);
    }

    internal readonly struct UInt64 : IElementText
    {
        public static int MaxLength => 21;

        public static int Append(ReadOnlySpan<byte> data, int index, Span<byte> destination, int at)
        {
            var value = BinaryPrimitives.ReadUInt64LittleEndian(data[(index * 8)..]);
            value.TryFormat(destination[at..], out var length, default, CultureInfo.InvariantCulture);
            at += length;
            destination[at] = (byte)',';
            return at + 1;
        }
    }

    internal readonly struct Float32 : IElementText
    {
        public static int MaxLength => PythonJson.MaxFloatLength + 1;

        public static int Append(ReadOnlySpan<byte> data, int index, Span<byte> destination, int at) =>
            AppendFloat(BinaryPrimitives.ReadSingleLittleEndian(data[(index * 4)..]), destination, at);
    }

    internal readonly struct Float64 : IElementText
    {
        public static int MaxLength => PythonJson.MaxFloatLength + 1;

        public static int Append(ReadOnlySpan<byte> data, int index, Span<byte> destination, int at) =>
            AppendFloat(BinaryPrimitives.ReadDoubleLittleEndian(data[(index * 8)..]), destination, at);
    }

    internal readonly struct Bool : IElementText
    {
        public static int MaxLength => 6;

        public static int Append(ReadOnlySpan<byte> data, int index, Span<byte> destination, int at)
        {
            var text = data[index] != 0 ? "true,"u8 : "false,"u8;
            text.CopyTo(destination[at..]);
            return at + text.Length;
        }
    }
}
