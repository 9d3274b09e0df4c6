using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// OpenCV's INTER_AREA shrinking by factors that are not whole numbers (<see cref="AreaResize"/>): each destination
/// pixel is the sum, over the source pixels its cell covers, of pixel x weight (float32; a pixel cut by the cell's
/// edge weighs the part inside over the cell's width), across each source row first, then down the rows, in
/// OpenCV's order of additions, rounded half to even.
/// <para>
/// The same float operations, arranged to run fast: the weights across are laid out tap by tap (every destination
/// element's first source pixel and weight, then its second, ...), padded with weight 0 (adding +0.0 to a sum of
/// non-negative terms changes nothing), so that a row is a few gathers, multiplies and adds over the whole row; each
/// source row is summed across once even where two destination rows share it; multiplies and adds stay separate
/// instructions (no fused multiply-add, which would round once instead of twice; .NET never contracts them).
/// </para>
/// </summary>
internal sealed class AreaShrink
{
    private readonly int _sourceRow;
    private readonly int _row;
    private readonly int _taps;
    private readonly int[] _tapSources;
    private readonly float[] _tapWeights;
    private readonly (int Source, int Destination, float Beta)[] _rows;
    private readonly float[] _sourceFloats;
    private readonly float[] _rowSum;
    private readonly float[] _columnSum;

    public AreaShrink(int sourceHeight, int sourceWidth, int channels, int height, int width, double scaleX, double scaleY)
    {
        _sourceRow = sourceWidth * channels;
        _row = width * channels;
        var across = CellWeights(sourceWidth, width, scaleX);
        _taps = across.Max(cell => cell.Count);
        _tapSources = new int[_taps * _row];
        _tapWeights = new float[_taps * _row];
        for (var d = 0; d < width; d++)
        {
            for (var t = 0; t < across[d].Count; t++)
            {
                var (source, weight) = across[d][t];
                for (var c = 0; c < channels; c++)
                {
                    _tapSources[t * _row + d * channels + c] = source * channels + c;
                    _tapWeights[t * _row + d * channels + c] = weight;
                }
            }
        }
        _rows = [.. CellWeights(sourceHeight, height, scaleY).SelectMany((cell, d) => cell.Select(tap => (tap.Source, d, tap.Weight)))];
        _sourceFloats = new float[_sourceRow];
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
            if (sourceY != summedRow)
            {
                SumAcross(source.Slice(sourceY * _sourceRow, _sourceRow));
                summedRow = sourceY;
            }
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

    /// <summary>The weighted sums across one source row, into <see cref="_rowSum"/>.</summary>
    private unsafe void SumAcross(ReadOnlySpan<byte> sourceRow)
    {
        for (var x = 0; x < sourceRow.Length; x++)
        {
            _sourceFloats[x] = sourceRow[x];
        }
        var sums = _rowSum.AsSpan();
        sums.Clear();
        var j = 0;
        if (Avx2.IsSupported)
        {
            fixed (float* pixels = _sourceFloats)
            fixed (int* sources = _tapSources)
            fixed (float* weights = _tapWeights)
            fixed (float* output = _rowSum)
            {
                for (; j <= _row - 8; j += 8)
                {
                    var sum = Vector256<float>.Zero;
                    for (var t = 0; t < _taps; t++)
                    {
                        var pixel = Avx2.GatherVector256(pixels, Avx.LoadVector256(sources + t * _row + j), 4);
                        sum = Avx.Add(sum, Avx.Multiply(pixel, Avx.LoadVector256(weights + t * _row + j)));
                    }
                    Avx.Store(output + j, sum);
                }
            }
        }
        for (; j < _row; j++)
        {
            var sum = 0f;
            for (var t = 0; t < _taps; t++)
            {
                sum += _sourceFloats[_tapSources[t * _row + j]] * _tapWeights[t * _row + j];
            }
            sums[j] = sum;
        }
    }

    /// <summary><paramref name="sum"/> += <paramref name="beta"/> x <paramref name="row"/>, element by element.</summary>
    private static unsafe void AddScaled(ReadOnlySpan<float> row, float beta, Span<float> sum)
    {
        var x = 0;
        if (Avx.IsSupported)
        {
            fixed (float* rowPointer = row)
            fixed (float* sumPointer = sum)
            {
                var scale = Vector256.Create(beta);
                for (; x <= row.Length - 8; x += 8)
                {
                    Avx.Store(sumPointer + x, Avx.Add(Avx.LoadVector256(sumPointer + x), Avx.Multiply(scale, Avx.LoadVector256(rowPointer + x))));
                }
            }
        }
        for (; x < row.Length; x++)
        {
            sum[x] += beta * row[x];
        }
    }

    private static void Round(ReadOnlySpan<float> sums, Span<byte> output)
    {
        for (var x = 0; x < sums.Length; x++)
        {
            output[x] = (byte)Math.Clamp(MathF.Round(sums[x], MidpointRounding.ToEven), 0f, 255f);
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
