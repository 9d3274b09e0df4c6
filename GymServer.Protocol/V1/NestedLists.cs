using System.Buffers;
using GymServer.Protocol.Spaces;

namespace GymServer.Protocol.V1;

/// <summary>
/// Writes an array value (a Box, MultiBinary or MultiDiscrete) as protocol 1 carries it, nested lists of its shape
/// (<c>[[1,2],[3,4]]</c>, numbers as <see cref="ProtocolValues"/> spells them), straight into a buffer: an Atari
/// frame is 100,800 numbers, so this is the step path of pixel envs. The dtype is chosen once per array (each
/// <see cref="IElementText"/> is a struct, so the loop is compiled for it), the elements of each innermost row go out
/// in one loop, and the brackets between rows come from a counter over the outer dimensions, not recursion.
/// </summary>
internal static class NestedLists
{
    /// <summary>Elements formatted per request for buffer space, so a long row does not ask for megabytes at once.</summary>
    private const int ChunkElements = 1024;

    /// <summary>Bytes of buffer asked for at a time.</summary>
    private const int RoomBytes = 64 * 1024;

    /// <summary>
    /// Writes the value: nested lists, or a bare number when the shape is (). With <paramref name="openingWritten"/>
    /// the first byte (the outermost "[") is taken as already written, by a JSON writer that put its separator
    /// before it (see <see cref="ProtocolValues"/>).
    /// </summary>
    public static void Write(IBufferWriter<byte> output, ReadOnlySpan<int> shape, ReadOnlySpan<byte> data, DType dtype, bool openingWritten = false)
    {
        switch (dtype)
        {
            case DType.UInt8: Write<ElementText.UInt8>(output, shape, data, openingWritten); break;
            case DType.Int8: Write<ElementText.Int8>(output, shape, data, openingWritten); break;
            case DType.Int16: Write<ElementText.Int16>(output, shape, data, openingWritten); break;
            case DType.UInt16: Write<ElementText.UInt16>(output, shape, data, openingWritten); break;
            case DType.Int32: Write<ElementText.Int32>(output, shape, data, openingWritten); break;
            case DType.UInt32: Write<ElementText.UInt32>(output, shape, data, openingWritten); break;
            case DType.Int64: Write<ElementText.Int64>(output, shape, data, openingWritten); break;
            case DType.UInt64: Write<ElementText.UInt64>(output, shape, data, openingWritten); break;
            case DType.Float32: Write<ElementText.Float32>(output, shape, data, openingWritten); break;
            case DType.Float64: Write<ElementText.Float64>(output, shape, data, openingWritten); break;
            case DType.Bool: Write<ElementText.Bool>(output, shape, data, openingWritten); break;
            default: throw new ArgumentOutOfRangeException(nameof(dtype), dtype, null);
        }
    }

    /// <summary>The most bytes <see cref="WriteScalar"/> writes.</summary>
    public const int MaxScalarLength = PythonJson.MaxFloatLength + 1;

    /// <summary>Writes a one-element value of shape () as a bare number into <paramref name="destination"/>
    /// (<see cref="MaxScalarLength"/> bytes); returns its length.</summary>
    public static int WriteScalar(ReadOnlySpan<byte> data, DType dtype, Span<byte> destination) => dtype switch
    {
        // Every element text ends in a comma, dropped here as it is at the end of a row.
        DType.UInt8 => ElementText.UInt8.Append(data, 0, destination, 0) - 1,
        DType.Int8 => ElementText.Int8.Append(data, 0, destination, 0) - 1,
        DType.Int16 => ElementText.Int16.Append(data, 0, destination, 0) - 1,
        DType.UInt16 => ElementText.UInt16.Append(data, 0, destination, 0) - 1,
        DType.Int32 => ElementText.Int32.Append(data, 0, destination, 0) - 1,
        DType.UInt32 => ElementText.UInt32.Append(data, 0, destination, 0) - 1,
        DType.Int64 => ElementText.Int64.Append(data, 0, destination, 0) - 1,
        DType.UInt64 => ElementText.UInt64.Append(data, 0, destination, 0) - 1,
        DType.Float32 => ElementText.Float32.Append(data, 0, destination, 0) - 1,
        DType.Float64 => ElementText.Float64.Append(data, 0, destination, 0) - 1,
        DType.Bool => ElementText.Bool.Append(data, 0, destination, 0) - 1,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, null),
    };

    private static void Write<T>(IBufferWriter<byte> output, ReadOnlySpan<int> shape, ReadOnlySpan<byte> data, bool openingWritten)
        where T : struct, IElementText
    {
        if (shape.IsEmpty)
        {
            output.Advance(T.Append(data, 0, output.GetSpan(T.MaxLength), 0) - 1);
            return;
        }
        foreach (var dimension in shape)
        {
            if (dimension == 0)
            {
                WriteEmpty(output, shape, openingWritten);
                return;
            }
        }
        if (typeof(T) == typeof(ElementText.UInt8) && shape.Length == 3 && shape[2] == 3)
        {
            WriteImage(output, shape[0], shape[1], data, openingWritten);
            return;
        }
        var depth = shape.Length;
        var inner = shape[^1];
        // Between two rows: at most depth closing brackets, a comma, depth - 1 opening ones.
        var between = 2 * depth;
        Span<int> position = stackalloc int[depth];
        var span = output.GetSpan(depth);
        var at = 0;
        for (var opening = openingWritten ? 1 : 0; opening < depth; opening++)
        {
            span[at++] = (byte)'[';
        }
        var index = 0;
        // Room is made for several rows at a time (an Atari frame's rows are 3 elements), or a chunk of a long row.
        var rowRoom = (Math.Min(inner, ChunkElements) * T.MaxLength) + between;
        var rowsLeftInRoom = 0;
        while (true)
        {
            if (inner > ChunkElements)
            {
                for (var start = 0; start < inner; start += ChunkElements)
                {
                    var count = Math.Min(ChunkElements, inner - start);
                    if (span.Length - at < rowRoom)
                    {
                        span = Renew(output, at, rowRoom);
                        at = 0;
                    }
                    for (var end = index + count; index < end; index++)
                    {
                        at = T.Append(data, index, span, at);
                    }
                }
            }
            else
            {
                if (rowsLeftInRoom == 0)
                {
                    rowsLeftInRoom = Math.Max(1, RoomBytes / rowRoom);
                    if (span.Length - at < rowsLeftInRoom * rowRoom)
                    {
                        span = Renew(output, at, rowsLeftInRoom * rowRoom);
                        at = 0;
                    }
                }
                rowsLeftInRoom--;
                for (var end = index + inner; index < end; index++)
                {
                    at = T.Append(data, index, span, at);
                }
            }
            // The last element's comma closes the row.
            span[at - 1] = (byte)']';
            var outer = depth - 2;
            while (outer >= 0 && ++position[outer] == shape[outer])
            {
                position[outer--] = 0;
                span[at++] = (byte)']';
            }
            if (outer < 0)
            {
                output.Advance(at);
                return;
            }
            // A row or so between openings: a loop, not Span.Fill, whose call costs more than one or two bytes.
            span[at++] = (byte)',';
            for (var opening = outer + 1; opening < depth; opening++)
            {
                span[at++] = (byte)'[';
            }
        }
    }

    /// <summary>
    /// An RGB uint8 image, shape (height, width, 3), the same bytes as the general loop writes, a row of pixels at a
    /// time (<see cref="ElementText.AppendPixelRow"/>). Dimensions are not 0 here.
    /// </summary>
    private static void WriteImage(IBufferWriter<byte> output, int height, int width, ReadOnlySpan<byte> data, bool openingWritten)
    {
        var rowBytes = width * 3;
        var rowRoom = (width * ElementText.PixelMaxLength) + 4;
        var span = output.GetSpan(Math.Max(rowRoom, RoomBytes));
        var at = 0;
        if (!openingWritten)
        {
            span[at++] = (byte)'[';
        }
        for (var row = 0; row < height; row++)
        {
            if (span.Length - at < rowRoom)
            {
                span = Renew(output, at, rowRoom);
                at = 0;
            }
            at = ElementText.AppendPixelRow(data.Slice(row * rowBytes, rowBytes), span, at);
            span[at++] = (byte)',';
        }
        // The last row's comma closes the image.
        span[at - 1] = (byte)']';
        output.Advance(at);
    }

    /// <summary>
    /// Commits the <paramref name="written"/> bytes and returns room for <paramref name="needed"/> more. (The span and
    /// position stay locals of the loop, not refs: the loop keeps them in registers.)
    /// </summary>
    private static Span<byte> Renew(IBufferWriter<byte> output, int written, int needed)
    {
        output.Advance(written);
        return output.GetSpan(Math.Max(needed, RoomBytes));
    }

    /// <summary>Lists with no elements, such as [[],[]] for shape (2, 0): rare, and nothing per element to speed up.</summary>
    private static void WriteEmpty(IBufferWriter<byte> output, ReadOnlySpan<int> shape, bool openingWritten)
    {
        if (!openingWritten)
        {
            output.Write("["u8);
        }
        for (var i = 0; i < shape[0]; i++)
        {
            if (i > 0)
            {
                output.Write(","u8);
            }
            WriteEmpty(output, shape[1..], openingWritten: false);
        }
        output.Write("]"u8);
    }
}
