using System.Runtime.Intrinsics;
using SkiaSharp;

namespace GymServer.Engine.Rendering;

/// <summary>
/// A frame being drawn: a native RGBA bitmap, a canvas on it, one reusable paint and path, and optionally a copy
/// of an unchanging background, so drawing a frame makes no managed allocation. Coordinates are those of the pygame surface Gymnasium draws on (x right, y down,
/// in pixels); for the classic-control envs the canvas flips the result upside down as Gymnasium does.
/// </summary>
internal sealed partial class FrameCanvas : IDisposable
{
    private readonly SKBitmap _bitmap;
    private readonly SKCanvas _canvas;
    private readonly SKPaint _paint = new() { IsAntialias = true };
    private readonly SKPaint _layerPaint = new();
    private readonly SKPath _path = new();
    private byte[]? _background;

    public FrameCanvas(FrameShape shape, bool flipVertically)
    {
        Shape = shape;
        _bitmap = new SKBitmap(new SKImageInfo(shape.Width, shape.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        _canvas = new SKCanvas(_bitmap);
        if (flipVertically)
        {
            // pygame's flip maps row y to row height - 1 - y; for pixel centres (y + 0.5) that is y' = height - y.
            _canvas.Translate(0, shape.Height);
            _canvas.Scale(1, -1);
        }
    }

    public FrameShape Shape { get; }

    public int Width => Shape.Width;

    public int Height => Shape.Height;

    /// <summary>Fills the whole frame, as <c>surface.fill(color)</c>.</summary>
    public void Clear(SKColor color) => _canvas.Clear(color);

    /// <summary>Keeps the frame as drawn so far as the background every later frame starts from.</summary>
    public void KeepAsBackground() => _background = _bitmap.GetPixelSpan().ToArray();

    /// <summary>
    /// Starts a frame from the kept background: one memory copy instead of redrawing what never changes (and
    /// much faster than Skia drawing the background as an image).
    /// </summary>
    public unsafe void RestoreBackground()
    {
        if (_background is null)
        {
            throw new InvalidOperationException("no background has been kept");
        }
        _background.CopyTo(new Span<byte>((void*)_bitmap.GetPixels(), _background.Length));
        _bitmap.NotifyPixelsChanged();
    }

    /// <summary>The shared path, emptied: build a shape in it, then fill or stroke it.</summary>
    public SKPath NewPath()
    {
        _path.Reset();
        return _path;
    }

    public void FillPath(SKColor color, bool antialias = true)
    {
        SetFill(color, antialias);
        _canvas.DrawPath(_path, _paint);
    }

    public void StrokePath(SKColor color, float width, SKStrokeCap cap = SKStrokeCap.Butt, bool antialias = true)
    {
        SetStroke(color, width, cap, antialias);
        _canvas.DrawPath(_path, _paint);
    }

    /// <summary>
    /// Draws what follows in a box: local (0, 0) at (x, y), local units scaled by (scaleX, scaleY), either of which
    /// may be negative to mirror. Undo with <see cref="Pop"/>.
    /// </summary>
    public void PushTransform(float x, float y, float scaleX, float scaleY)
    {
        _canvas.Save();
        _canvas.Translate(x, y);
        _canvas.Scale(scaleX, scaleY);
    }

    /// <summary>Confines what follows to a rectangle (in the current coordinates). Undo with <see cref="Pop"/>.</summary>
    public void PushClip(float x, float y, float width, float height)
    {
        _canvas.Save();
        _canvas.ClipRect(new SKRect(x, y, x + width, y + height), SKClipOperation.Intersect, antialias: true);
    }

    /// <summary>Ends the last <see cref="PushTransform"/>, <see cref="PushClip"/> or <see cref="PushOpacity"/>.</summary>
    public void Pop() => _canvas.Restore();

    /// <summary>The frame as numpy's (height, width, 3) uint8 array: RGBA pixels with the alpha dropped.</summary>
    public void CopyRgbTo(Span<byte> frame)
    {
        // Every frame starts with an opaque fill, so premultiplied and straight colours are the same here.
        ReadOnlySpan<byte> pixels = _bitmap.GetPixelSpan();
        var source = 0;
        var target = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            // Four pixels at a time: 16 RGBA bytes shuffled to 12 RGB bytes (and 4 spare ones, which the next
            // store overwrites), while a whole 16-byte store still fits in the frame.
            var dropAlpha = Vector128.Create((byte)0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, 0, 0, 0, 0);
            for (; target + Vector128<byte>.Count <= frame.Length; source += 16, target += 12)
            {
                Vector128.Shuffle(Vector128.Create(pixels.Slice(source, 16)), dropAlpha).CopyTo(frame[target..]);
            }
        }
        for (; target < frame.Length; source += 4, target += 3)
        {
            frame[target] = pixels[source];
            frame[target + 1] = pixels[source + 1];
            frame[target + 2] = pixels[source + 2];
        }
    }

    public void Dispose()
    {
        _path.Dispose();
        _paint.Dispose();
        _layerPaint.Dispose();
        _canvas.Dispose();
        _bitmap.Dispose();
    }

    private void SetFill(SKColor color, bool antialias)
    {
        _paint.Style = SKPaintStyle.Fill;
        _paint.Color = color;
        _paint.IsAntialias = antialias;
    }

    private void SetStroke(SKColor color, float width, SKStrokeCap cap, bool antialias)
    {
        _paint.Style = SKPaintStyle.Stroke;
        _paint.Color = color;
        _paint.StrokeWidth = width;
        _paint.StrokeCap = cap;
        _paint.IsAntialias = antialias;
    }
}
