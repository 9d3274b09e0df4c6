using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// OpenCV's INTER_AREA shrinking by factors that are not whole numbers (<see cref="AreaResize"/>): each destination
/// pixel is the sum, over the source pixels its cell covers, of pixel x weight (float32; a pixel cut by the cell's
/// edge weighs the part inside over the cell's width), across each source row first, then down the rows, in
/// OpenCV's order of additions, rounded half to even.
/// <para>
/// The same float operations, arranged to run fast: each source row is summed across once
/// (<see cref="AreaShrinkAcross"/>, vectorised) even where two destination rows share it, and not at all when it
/// holds the same bytes as the row summed before it; the sums down the rows and the rounding go eight elements at a
/// time with AVX, multiplies and adds kept separate instructions (no fused multiply-add, which would round once
/// instead of twice; .NET never contracts them).
/// </para>
/// </summary>
internal sealed class AreaShrink
{
    private readonly int _sourceRow;
    private readonly int _row;
    private readonly AreaShrinkAcross _across;
    private readonly (int Source, int Destination, float Beta)[] _rows;
    private readonly float[] _rowSum;
    private readonly float[] _columnSum;

    public AreaShrink(int sourceHeight, int sourceWidth, int channels, int height, int width, double scaleX, double scaleY)
    {
        _sourceRow = sourceWidth * channels;
        _row = width * channels;
        _across = new AreaShrinkAcross(_sourceRow, channels, CellWeights(sourceWidth, width, scaleX));
        _rows = [.. CellWeights(sourceHeight, height, scaleY).SelectMany((cell, d) => cell.Select(tap => (tap.Source, d, tap.Weight)))];
        _rowSum = new float[_row];
        _columnSum = new float[_row];
    }

    public void Resize(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var columnSum = _columnSum.AsSpan();
        columnSum.Clear();
        var summedRow = -1;
        var previous = _rows[0].Destination;
        foreach (var (sourceY, destinationY, beta) in _rows)
        {
            // A row of the same bytes as the one summed last (common in Atari frames) has the same sums.
            if (sourceY != summedRow && (summedRow < 0 || !Row(source, sourceY).SequenceEqual(Row(source, summedRow))))
            {
                _across.Sum(Row(source, sourceY), _rowSum);
            }
            summedRow = sourceY;
            if (destinationY != previous)
            {
                Round(columnSum, destination.Slice(previous * _row, _row));
                columnSum.Clear();
                previous = destinationY;
            }
            // OpenCV sets the first row's share (beta x sum) and adds the next ones: 0 + x is x.
            AddScaled(_rowSum, beta, columnSum);
        }
        Round(columnSum, destination.Slice(previous * _row, _row));
    }

    private ReadOnlySpan<byte> Row(ReadOnlySpan<byte> source, int y) => source.Slice(y * _sourceRow, _sourceRow);

    /// <summary><paramref name="sum"/> += <paramref name="beta"/> x <paramref name="row"/>, element by element.</summary>
    private static unsafe void AddScaled(ReadOnlySpan<float> row, float beta, Span<float> sum)
    {
        fixed (float* rowPointer = row)
        fixed (float* sumPointer = sum)
        {
            var x = 0;
            if (Avx.IsSupported)
            {
                var scale = Vector256.Create(beta);
                for (; x <= row.Length - 8; x += 8)
                {
                    Avx.Store(sumPointer + x, Avx.Add(Avx.LoadVector256(sumPointer + x), Avx.Multiply(scale, Avx.LoadVector256(rowPointer + x))));
                }
            }
            for (; x < row.Length; x++)
            {
                sumPointer[x] += beta * rowPointer[x];
            }
        }
    }

    /// <summary>OpenCV's <c>saturate_cast&lt;uchar&gt;(float)</c> of each sum: round half to even, then clamp to a byte.</summary>
    private static unsafe void Round(ReadOnlySpan<float> sums, Span<byte> output)
    {
        fixed (float* sumPointer = sums)
        fixed (byte* outputPointer = output)
        {
            var x = 0;
            if (Avx.IsSupported)
            {
                for (; x <= sums.Length - 8; x += 8)
                {
                    // Rounded explicitly (not by the conversion's MXCSR mode); packing with saturation clamps.
                    var rounded = Avx.ConvertToVector256Int32WithTruncation(Avx.RoundToNearestInteger(Avx.LoadVector256(sumPointer + x)));
                    var words = Sse2.PackSignedSaturate(rounded.GetLower(), rounded.GetUpper());
                    Sse2.StoreScalar((long*)(outputPointer + x), Sse2.PackUnsignedSaturate(words, words).AsInt64());
                }
            }
            for (; x < sums.Length; x++)
            {
                outputPointer[x] = (byte)Math.Clamp(MathF.Round(sumPointer[x], MidpointRounding.ToEven), 0f, 255f);
            }
        }
    }

    /// <summary>
    /// For each destination cell along one axis, in OpenCV's order, the source pixels it covers and their weights
    /// (the part of the pixel inside the cell over the cell's width, computed in double and stored as float).
    /// </summary>
    private static List<(int Source, float Weight)>[] CellWeights(int sourceSize, int size, double scale)
    {
        var cells = new List<(int Source, float Weight)>[size];
        for (var d = 0; d < size; d++)
        {
            var taps = cells[d] = [];
            var start = d * scale;
            var end = start + scale;
            var cellWidth = Math.Min(scale, sourceSize - start);
            var last = Math.Min((int)Math.Floor(end), sourceSize - 1);
            var first = Math.Min((int)Math.Ceiling(start), last);
            if (first - start > 1e-3)
            {
                taps.Add((first - 1, (float)((first - start) / cellWidth)));
            }
            for (var s = first; s < last; s++)
            {
                taps.Add((s, (float)(1.0 / cellWidth)));
            }
            if (end - last > 1e-3)
            {
                taps.Add((last, (float)(Math.Min(Math.Min(end - last, 1.0), cellWidth) / cellWidth)));
            }
        }
        return cells;
    }
}
