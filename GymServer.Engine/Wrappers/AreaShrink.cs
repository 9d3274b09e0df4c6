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
/// holds the same bytes as the row before it; then each destination row's sums down its source rows and their
/// rounding go eight elements at a time in registers with AVX, multiplies and adds kept separate instructions (no
/// fused multiply-add, which would round once instead of twice; .NET never contracts them).
/// </para>
/// </summary>
internal sealed class AreaShrink
{
    private const int Lanes = 8;

    private readonly int _sourceHeight;
    private readonly int _sourceRow;
    private readonly int _row;
    private readonly AreaShrinkAcross _across;

    // Down: for each destination row, its taps (source row and weight) from _firstTap[d] to _firstTap[d + 1].
    private readonly int[] _firstTap;
    private readonly int[] _tapRows;
    private readonly float[] _tapBetas;

    // The sums across of every source row, and for each source row the one whose sums it has (itself, or the row
    // before it when their bytes are the same).
    private readonly float[] _sums;
    private readonly int[] _summedAs;

    public AreaShrink(int sourceHeight, int sourceWidth, int channels, int height, int width, double scaleX, double scaleY)
    {
        _sourceHeight = sourceHeight;
        _sourceRow = sourceWidth * channels;
        _row = width * channels;
        _across = new AreaShrinkAcross(_sourceRow, channels, CellWeights(sourceWidth, width, scaleX));
        var down = CellWeights(sourceHeight, height, scaleY);
        _firstTap = new int[height + 1];
        for (var d = 0; d < height; d++)
        {
            _firstTap[d + 1] = _firstTap[d] + down[d].Count;
        }
        _tapRows = [.. down.SelectMany(cell => cell.Select(tap => tap.Source))];
        _tapBetas = [.. down.SelectMany(cell => cell.Select(tap => tap.Weight))];
        _sums = new float[sourceHeight * _row];
        _summedAs = new int[sourceHeight];
    }

    public void Resize(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        for (var y = 0; y < _sourceHeight; y++)
        {
            // A row of the same bytes as the one before it (common in Atari frames) has the same sums.
            if (y > 0 && Row(source, y).SequenceEqual(Row(source, y - 1)))
            {
                _summedAs[y] = _summedAs[y - 1];
                continue;
            }
            _across.Sum(Row(source, y), _sums.AsSpan(y * _row, _row));
            _summedAs[y] = y;
        }
        for (var d = 0; d + 1 < _firstTap.Length; d++)
        {
            SumDown(d, destination.Slice(d * _row, _row));
        }
    }

    private ReadOnlySpan<byte> Row(ReadOnlySpan<byte> source, int y) => source.Slice(y * _sourceRow, _sourceRow);

    /// <summary>
    /// Destination row <paramref name="d"/>: its source rows' sums times their weights, added in OpenCV's order
    /// (OpenCV sets the first row's share and adds the next ones: 0 + x is x), rounded.
    /// </summary>
    private unsafe void SumDown(int d, Span<byte> output)
    {
        var (first, end) = (_firstTap[d], _firstTap[d + 1]);
        fixed (float* sums = _sums)
        fixed (int* rows = _tapRows)
        fixed (int* summedAs = _summedAs)
        fixed (float* betas = _tapBetas)
        fixed (byte* bytes = output)
        {
            if (Avx.IsSupported && _row >= Lanes)
            {
                // Eight elements at a time, the last eight overlapping the ones before when the row is not a multiple.
                for (var x = 0; x < _row; x += Lanes)
                {
                    x = Math.Min(x, _row - Lanes);
                    var sum = Vector256<float>.Zero;
                    for (var t = first; t < end; t++)
                    {
                        sum = Avx.Add(sum, Avx.Multiply(Vector256.Create(betas[t]), Avx.LoadVector256(sums + (summedAs[rows[t]] * _row) + x)));
                    }
                    Round(sum, bytes + x);
                }
                return;
            }
            for (var x = 0; x < _row; x++)
            {
                var sum = 0f;
                for (var t = first; t < end; t++)
                {
                    sum += betas[t] * sums[(summedAs[rows[t]] * _row) + x];
                }
                bytes[x] = (byte)Math.Clamp(MathF.Round(sum, MidpointRounding.ToEven), 0f, 255f);
            }
        }
    }

    /// <summary>
    /// OpenCV's <c>saturate_cast&lt;uchar&gt;(float)</c> of eight sums: rounded half to even explicitly (not by the
    /// conversion's MXCSR mode); packing with saturation clamps to a byte.
    /// </summary>
    private static unsafe void Round(Vector256<float> sums, byte* output)
    {
        var rounded = Avx.ConvertToVector256Int32WithTruncation(Avx.RoundToNearestInteger(sums));
        var words = Sse2.PackSignedSaturate(rounded.GetLower(), rounded.GetUpper());
        Sse2.StoreScalar((long*)output, Sse2.PackUnsignedSaturate(words, words).AsInt64());
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
