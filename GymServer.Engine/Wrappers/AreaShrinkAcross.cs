using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// The first pass of <see cref="AreaShrink"/>: for one source row, every destination element's weighted sum across
/// (<c>0 + p0 x w0 + p1 x w1 + ...</c> in float32, its source pixels in OpenCV's order, left to right).
/// <para>
/// The taps are laid out tap by tap (every element's first source and weight, then its second, ...), padded with
/// weight 0 (a product of 0 added to a sum of non-negative terms changes nothing), and elements go eight to a
/// 256-bit register (the last eight overlap the ones before when the row is not a multiple of eight). With AVX2 the
/// eight pixels of a tap are picked out of the source bytes by a byte shuffle where each half of the eight reads
/// within 16 bytes (small factors, as 210x160 to 84x84), else gathered from the row converted to floats. Either way
/// each element sees the same multiplies and adds in the same order as the scalar loop, kept apart (no fused
/// multiply-add; .NET never contracts them).
/// </para>
/// </summary>
internal sealed class AreaShrinkAcross
{
    private const int Lanes = 8;
    private const int HalfLanes = Lanes / 2;
    private const int WindowBytes = 16;

    /// <summary>A shuffle index with the top bit set gives a zero byte.</summary>
    private const byte Zero = 0x80;

    private readonly int _sourceRow;
    private readonly int _row;
    private readonly int _taps;
    private readonly int[] _tapSources;
    private readonly float[] _tapWeights;

    // The first element of each group of eight (empty without AVX2 or for a row of fewer than eight elements).
    private readonly int[] _groups = [];

    // Shuffling: for each group, where in the source row each half's 16 bytes start, and for each group and tap the
    // 32 shuffle indices putting each element's pixel in the low byte of its int32 lane. Null: gathering.
    private readonly int[]? _windows;
    private readonly byte[]? _shuffles;

    // Gathering: the source row as floats.
    private readonly float[] _sourceFloats = [];

    /// <param name="sourceRow">Elements in a source row (pixels x channels).</param>
    /// <param name="channels">Channels a pixel.</param>
    /// <param name="cells">For each destination pixel, its source pixels and their weights, in OpenCV's order.</param>
    public AreaShrinkAcross(int sourceRow, int channels, IReadOnlyList<List<(int Source, float Weight)>> cells)
    {
        _sourceRow = sourceRow;
        _row = cells.Count * channels;
        _taps = cells.Max(cell => cell.Count);
        _tapSources = new int[_taps * _row];
        _tapWeights = new float[_taps * _row];
        for (var d = 0; d < cells.Count; d++)
        {
            for (var t = 0; t < cells[d].Count; t++)
            {
                var (source, weight) = cells[d][t];
                for (var c = 0; c < channels; c++)
                {
                    _tapSources[(t * _row) + (d * channels) + c] = (source * channels) + c;
                    _tapWeights[(t * _row) + (d * channels) + c] = weight;
                }
            }
        }
        if (!Avx2.IsSupported || _row < Lanes)
        {
            return;
        }
        _groups = [.. Enumerable.Range(0, _row / Lanes).Select(g => g * Lanes)];
        if (_row % Lanes != 0)
        {
            _groups = [.. _groups, _row - Lanes];
        }
        (_windows, _shuffles) = Shuffles(cells, channels);
        if (_windows is null)
        {
            _sourceFloats = new float[sourceRow];
        }
    }

    /// <summary>Writes the weighted sums across <paramref name="sourceRow"/> to <paramref name="sums"/> (one per element).</summary>
    public unsafe void Sum(ReadOnlySpan<byte> sourceRow, Span<float> sums)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sourceRow.Length, _sourceRow, nameof(sourceRow));
        ArgumentOutOfRangeException.ThrowIfLessThan(sums.Length, _row, nameof(sums));
        fixed (byte* bytes = sourceRow)
        fixed (float* output = sums)
        {
            if (_groups.Length == 0)
            {
                SumScalar(bytes, output);
            }
            else if (_shuffles is not null)
            {
                SumShuffled(bytes, output);
            }
            else
            {
                SumGathered(bytes, output);
            }
        }
    }

    private unsafe void SumScalar(byte* bytes, float* output)
    {
        fixed (int* sources = _tapSources)
        fixed (float* weights = _tapWeights)
        {
            for (var j = 0; j < _row; j++)
            {
                var sum = 0f;
                for (var t = 0; t < _taps; t++)
                {
                    sum += bytes[sources[(t * _row) + j]] * weights[(t * _row) + j];
                }
                output[j] = sum;
            }
        }
    }

    private unsafe void SumShuffled(byte* bytes, float* output)
    {
        fixed (int* groups = _groups)
        fixed (int* windows = _windows)
        fixed (byte* shuffles = _shuffles)
        fixed (float* weights = _tapWeights)
        {
            var (count, taps, row) = (_groups.Length, _taps, _row);
            var shuffle = shuffles;
            for (var g = 0; g < count; g++)
            {
                var j = groups[g];
                var window = Vector256.Create(Sse2.LoadVector128(bytes + windows[2 * g]), Sse2.LoadVector128(bytes + windows[(2 * g) + 1]));
                var sum = Vector256<float>.Zero;
                var weight = weights + j;
                for (var t = 0; t < taps; t++, shuffle += 2 * WindowBytes, weight += row)
                {
                    var pixels = Avx2.Shuffle(window, Avx.LoadVector256(shuffle)).AsInt32();
                    sum = Avx.Add(sum, Avx.Multiply(Avx.ConvertToVector256Single(pixels), Avx.LoadVector256(weight)));
                }
                Avx.Store(output + j, sum);
            }
        }
    }

    private unsafe void SumGathered(byte* bytes, float* output)
    {
        fixed (float* pixels = _sourceFloats)
        fixed (int* sources = _tapSources)
        fixed (float* weights = _tapWeights)
        {
            var x = 0;
            for (; x <= _sourceRow - Lanes; x += Lanes)
            {
                Avx.Store(pixels + x, Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(bytes + x)));
            }
            for (; x < _sourceRow; x++)
            {
                pixels[x] = bytes[x];
            }
            foreach (var j in _groups)
            {
                var sum = Vector256<float>.Zero;
                for (var t = 0; t < _taps; t++)
                {
                    var pixel = Avx2.GatherVector256(pixels, Avx.LoadVector256(sources + (t * _row) + j), sizeof(float));
                    sum = Avx.Add(sum, Avx.Multiply(pixel, Avx.LoadVector256(weights + (t * _row) + j)));
                }
                Avx.Store(output + j, sum);
            }
        }
    }

    /// <summary>
    /// The windows and shuffle indices of <see cref="SumShuffled"/>, or nulls when some half of a group reads across
    /// more than 16 bytes (large factors) or the source row is shorter than 16 bytes.
    /// </summary>
    private (int[]? Windows, byte[]? Shuffles) Shuffles(IReadOnlyList<List<(int Source, float Weight)>> cells, int channels)
    {
        if (_sourceRow < WindowBytes)
        {
            return (null, null);
        }
        var windows = new int[2 * _groups.Length];
        var shuffles = new byte[_groups.Length * _taps * 2 * WindowBytes];
        for (var g = 0; g < _groups.Length; g++)
        {
            for (var half = 0; half < 2; half++)
            {
                var elements = Enumerable.Range(_groups[g] + (half * HalfLanes), HalfLanes).ToList();
                // The source elements the half's real taps read (padding taps read a zero byte instead).
                var read = elements.SelectMany(e => Enumerable.Range(0, cells[e / channels].Count).Select(t => _tapSources[(t * _row) + e])).ToList();
                var first = read.Min();
                if (read.Max() - first >= WindowBytes)
                {
                    return (null, null);
                }
                // Moved back to stay inside the row; the last element read is then still within the 16 bytes.
                var window = windows[(2 * g) + half] = Math.Min(first, _sourceRow - WindowBytes);
                for (var t = 0; t < _taps; t++)
                {
                    var indices = shuffles.AsSpan((((g * _taps) + t) * 2 * WindowBytes) + (half * WindowBytes), WindowBytes);
                    indices.Fill(Zero);
                    for (var lane = 0; lane < HalfLanes; lane++)
                    {
                        var e = elements[lane];
                        if (t < cells[e / channels].Count)
                        {
                            indices[4 * lane] = (byte)(_tapSources[(t * _row) + e] - window);
                        }
                    }
                }
            }
        }
        return (windows, shuffles);
    }
}
