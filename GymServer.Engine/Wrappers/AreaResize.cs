namespace GymServer.Engine.Wrappers;

/// <summary>
/// <c>cv2.resize(image, (width, height), interpolation=cv2.INTER_AREA)</c> of a uint8 image of 1 to 4 channels, byte
/// for byte as OpenCV 4.6 computes it on x86-64 (no IPP, the build Debian ships), with its tables made once for one
/// pair of sizes so that a resize allocates nothing. OpenCV picks one of three algorithms, and so does this class:
/// <list type="bullet">
/// <item>both factors whole numbers (source = destination x factor): the mean of each block, rounded half up
/// (<c>(sum + 2) &gt;&gt; 2</c>) for 2x2 blocks, else as <c>sum * (float)(1 / area)</c> rounded half to even;</item>
/// <item>shrinking on both axes otherwise: each destination pixel a weighted sum of the source pixels its cell
/// covers, with float32 weights, rows summed across then down, in OpenCV's order, rounded half to even
/// (<see cref="AreaShrink"/>);</item>
/// <item>growing on either axis: bilinear interpolation with coefficients from the cell edges, in fixed point
/// (11-bit coefficients; the vertical pass as OpenCV's SIMD code does it: each term shifted right by 4, multiplied
/// keeping the high 16 bits, summed and rounded by 2 bits).</item>
/// </list>
/// </summary>
internal sealed class AreaResize
{
    private const int CoefficientBits = 11;
    private const int CoefficientScale = 1 << CoefficientBits;

    /// <summary>C's DBL_EPSILON (not .NET's double.Epsilon, the smallest subnormal).</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    private readonly int _sourceHeight;
    private readonly int _sourceWidth;
    private readonly int _channels;
    private readonly int _height;
    private readonly int _width;
    private readonly Mode _mode;

    // Whole-number factors.
    private readonly int _factorX;
    private readonly int _factorY;
    private readonly float _inverseArea;

    private readonly AreaShrink? _shrink;

    // Growing: for each destination column (times channels) and row, the first source index and its two coefficients.
    private readonly int[] _xOffsets = [];
    private readonly short[] _xCoefficients = [];
    private readonly int _xLinearEnd;
    private readonly int[] _yOffsets = [];
    private readonly short[] _yCoefficients = [];
    // Two source rows interpolated across, and which source rows they hold (-1: none yet).
    private readonly int[][] _rows = [];
    private readonly int[] _rowSources = [];

    public AreaResize(int sourceHeight, int sourceWidth, int channels, int height, int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sourceHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sourceWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if (channels is < 1 or > MaxChannels)
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, $"OpenCV's area resize takes 1 to {MaxChannels} channels");
        }
        (_sourceHeight, _sourceWidth, _channels, _height, _width) = (sourceHeight, sourceWidth, channels, height, width);
        if (height == sourceHeight && width == sourceWidth)
        {
            _mode = Mode.Copy;
            return;
        }
        // OpenCV's scales: destination / source, and their inverses, in double.
        var inverseScaleX = (double)width / sourceWidth;
        var inverseScaleY = (double)height / sourceHeight;
        var scaleX = 1.0 / inverseScaleX;
        var scaleY = 1.0 / inverseScaleY;
        if (scaleX >= 1 && scaleY >= 1)
        {
            var factorX = (int)Math.Round(scaleX, MidpointRounding.ToEven);
            var factorY = (int)Math.Round(scaleY, MidpointRounding.ToEven);
            if (Math.Abs(scaleX - factorX) < MachineEpsilon && Math.Abs(scaleY - factorY) < MachineEpsilon)
            {
                _mode = factorX == 2 && factorY == 2 && channels != 2 ? Mode.HalfBlocks : Mode.Blocks;
                (_factorX, _factorY) = (factorX, factorY);
                _inverseArea = 1f / (factorX * factorY);
                return;
            }
            _mode = Mode.Shrink;
            _shrink = new AreaShrink(sourceHeight, sourceWidth, channels, height, width, scaleX, scaleY);
            return;
        }
        _mode = Mode.Grow;
        (_xOffsets, _xCoefficients, _xLinearEnd) = GrowAxis(sourceWidth, width, channels, scaleX, inverseScaleX, clampAtEdges: true);
        // OpenCV clamps the rows it reads, not the vertical coefficients.
        (_yOffsets, _yCoefficients, _) = GrowAxis(sourceHeight, height, 1, scaleY, inverseScaleY, clampAtEdges: false);
        _rows = [new int[width * channels], new int[width * channels]];
        _rowSources = [-1, -1];
    }

    /// <summary>The most channels OpenCV's area resize takes (its shrinking path refuses more).</summary>
    public const int MaxChannels = 4;

    private enum Mode
    {
        Copy,
        HalfBlocks,
        Blocks,
        Shrink,
        Grow,
    }

    public int SourceBytes => _sourceHeight * _sourceWidth * _channels;

    public int Bytes => _height * _width * _channels;

    /// <summary>Resizes <paramref name="source"/> (rows of pixels of interleaved channels) into <paramref name="destination"/>.</summary>
    public void Resize(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        source = source[..SourceBytes];
        destination = destination[..Bytes];
        switch (_mode)
        {
            case Mode.Copy:
                source.CopyTo(destination);
                break;
            case Mode.HalfBlocks:
                HalfBlocks(source, destination);
                break;
            case Mode.Blocks:
                Blocks(source, destination);
                break;
            case Mode.Shrink:
                _shrink!.Resize(source, destination);
                break;
            case Mode.Grow:
                Grow(source, destination);
                break;
        }
    }

    private void HalfBlocks(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var cn = _channels;
        var sourceRow = _sourceWidth * cn;
        var row = _width * cn;
        for (var y = 0; y < _height; y++)
        {
            var top = source.Slice(2 * y * sourceRow, sourceRow);
            var bottom = source.Slice((2 * y + 1) * sourceRow, sourceRow);
            var output = destination.Slice(y * row, row);
            for (var x = 0; x < _width; x++)
            {
                for (var c = 0; c < cn; c++)
                {
                    var i = 2 * x * cn + c;
                    output[x * cn + c] = (byte)((top[i] + top[i + cn] + bottom[i] + bottom[i + cn] + 2) >> 2);
                }
            }
        }
    }

    private void Blocks(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var cn = _channels;
        var sourceRow = _sourceWidth * cn;
        for (var y = 0; y < _height; y++)
        {
            for (var x = 0; x < _width; x++)
            {
                for (var c = 0; c < cn; c++)
                {
                    var sum = 0;
                    for (var dy = 0; dy < _factorY; dy++)
                    {
                        var start = (y * _factorY + dy) * sourceRow + x * _factorX * cn + c;
                        for (var dx = 0; dx < _factorX; dx++)
                        {
                            sum += source[start + dx * cn];
                        }
                    }
                    destination[(y * _width + x) * cn + c] = RoundToByte(sum * _inverseArea);
                }
            }
        }
    }

    private void Grow(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var row = _width * _channels;
        _rowSources.AsSpan().Fill(-1);
        for (var y = 0; y < _height; y++)
        {
            var first = Math.Clamp(_yOffsets[y], 0, _sourceHeight - 1);
            var second = Math.Clamp(_yOffsets[y] + 1, 0, _sourceHeight - 1);
            ReadOnlySpan<int> upper = InterpolatedRow(source, first, keep: second);
            ReadOnlySpan<int> lower = InterpolatedRow(source, second, keep: first);
            int b0 = _yCoefficients[2 * y];
            int b1 = _yCoefficients[2 * y + 1];
            var output = destination.Slice(y * row, row);
            for (var x = 0; x < row; x++)
            {
                // OpenCV's vertical pass (its SIMD form, which covers every column on this platform).
                var sum = ((Saturate16(upper[x] >> 4) * b0) >> 16) + ((Saturate16(lower[x] >> 4) * b1) >> 16);
                output[x] = (byte)Math.Clamp((sum + 2) >> 2, 0, 255);
            }
        }
    }

    /// <summary>Source row <paramref name="sourceY"/> interpolated across, made at most once while consecutive destination rows need it.</summary>
    private int[] InterpolatedRow(ReadOnlySpan<byte> source, int sourceY, int keep)
    {
        for (var i = 0; i < 2; i++)
        {
            if (_rowSources[i] == sourceY)
            {
                return _rows[i];
            }
        }
        var slot = _rowSources[0] == keep ? 1 : 0;
        var sourceRow = _sourceWidth * _channels;
        GrowRow(source.Slice(sourceY * sourceRow, sourceRow), _rows[slot]);
        _rowSources[slot] = sourceY;
        return _rows[slot];
    }

    private void GrowRow(ReadOnlySpan<byte> input, Span<int> output)
    {
        var cn = _channels;
        for (var x = 0; x < _width; x++)
        {
            int a0 = _xCoefficients[2 * x];
            int a1 = _xCoefficients[2 * x + 1];
            var offset = _xOffsets[x];
            for (var c = 0; c < cn; c++)
            {
                output[x * cn + c] = x < _xLinearEnd
                    ? input[offset + c] * a0 + input[offset + c + cn] * a1
                    : input[offset + c] * CoefficientScale;
            }
        }
    }

    /// <summary>OpenCV's <c>saturate_cast&lt;uchar&gt;(float)</c>: round half to even, then clamp.</summary>
    private static byte RoundToByte(float value) => (byte)Math.Clamp(MathF.Round(value, MidpointRounding.ToEven), 0f, 255f);

    private static int Saturate16(int value) => Math.Clamp(value, short.MinValue, short.MaxValue);

    private static short SaturateCoefficient(float value) =>
        (short)Math.Clamp(MathF.Round(value * CoefficientScale, MidpointRounding.ToEven), short.MinValue, short.MaxValue);

    /// <summary>
    /// For each destination index along one axis: the first of the two source indices it interpolates between (times
    /// <paramref name="channels"/>), their fixed-point coefficients, and where the source's edge stops interpolation
    /// (from there on the one source pixel counts whole), as OpenCV computes them for columns; rows keep their
    /// offsets and coefficients unclamped.
    /// </summary>
    private static (int[] Offsets, short[] Coefficients, int LinearEnd) GrowAxis(
        int sourceSize, int size, int channels, double scale, double inverseScale, bool clampAtEdges)
    {
        var offsets = new int[size];
        var coefficients = new short[2 * size];
        var linearEnd = size;
        for (var d = 0; d < size; d++)
        {
            var s = (int)Math.Floor(d * scale);
            var fraction = (float)((d + 1) - (s + 1) * inverseScale);
            fraction = fraction <= 0 ? 0f : fraction - MathF.Floor(fraction);
            if (clampAtEdges && s < 0)
            {
                (fraction, s) = (0f, 0);
            }
            if (clampAtEdges && s + 1 >= sourceSize)
            {
                linearEnd = Math.Min(linearEnd, d);
                if (s >= sourceSize - 1)
                {
                    (fraction, s) = (0f, sourceSize - 1);
                }
            }
            offsets[d] = s * channels;
            coefficients[2 * d] = SaturateCoefficient(1f - fraction);
            coefficients[2 * d + 1] = SaturateCoefficient(fraction);
        }
        return (offsets, coefficients, linearEnd);
    }
}
