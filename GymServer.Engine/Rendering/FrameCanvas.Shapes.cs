using SkiaSharp;

namespace GymServer.Engine.Rendering;

/// <summary>
/// Plain antialiased shapes in surface pixels, for the toy-text drawings (which Gymnasium makes from sprite images;
/// here they are drawn as shapes).
/// </summary>
internal sealed partial class FrameCanvas
{
    public void FillRect(float x, float y, float width, float height, SKColor color)
    {
        SetFill(color, antialias: true);
        _canvas.DrawRect(x, y, width, height, _paint);
    }

    public void FillRoundRect(float x, float y, float width, float height, float radius, SKColor color)
    {
        SetFill(color, antialias: true);
        _canvas.DrawRoundRect(x, y, width, height, radius, radius, _paint);
    }

    public void StrokeRoundRect(float x, float y, float width, float height, float radius, float lineWidth, SKColor color)
    {
        SetStroke(color, lineWidth, SKStrokeCap.Butt, antialias: true);
        _canvas.DrawRoundRect(x, y, width, height, radius, radius, _paint);
    }

    public void FillOval(float centreX, float centreY, float radiusX, float radiusY, SKColor color)
    {
        SetFill(color, antialias: true);
        _canvas.DrawOval(centreX, centreY, radiusX, radiusY, _paint);
    }

    public void FillCircle(float centreX, float centreY, float radius, SKColor color)
    {
        SetFill(color, antialias: true);
        _canvas.DrawCircle(centreX, centreY, radius, _paint);
    }

    public void DrawLine(float x1, float y1, float x2, float y2, float width, SKColor color, SKStrokeCap cap = SKStrokeCap.Round)
    {
        SetStroke(color, width, cap, antialias: true);
        _canvas.DrawLine(x1, y1, x2, y2, _paint);
    }

    /// <summary>A closed polygon, filled.</summary>
    public void FillPolygon(ReadOnlySpan<SKPoint> points, SKColor color)
    {
        var path = NewPath();
        path.MoveTo(points[0]);
        for (var i = 1; i < points.Length; i++)
        {
            path.LineTo(points[i]);
        }
        path.Close();
        FillPath(color);
    }

    /// <summary><c>pygame.draw.rect(surface, color, rect, 1)</c>: a one-pixel border just inside the rectangle.</summary>
    public void OutlinePixels(int x, int y, int width, int height, SKColor color)
    {
        FillPixels(x, y, width, 1, color);
        FillPixels(x, y + height - 1, width, 1, color);
        FillPixels(x, y, 1, height, color);
        FillPixels(x + width - 1, y, 1, height, color);
    }

    /// <summary>
    /// Draws what follows, within the given box, at <paramref name="alpha"/> opacity as one picture, as pygame
    /// blits an image whose surface alpha is set. The box bounds the offscreen layer. Undo with <see cref="Pop"/>.
    /// </summary>
    public void PushOpacity(byte alpha, float x, float y, float width, float height)
    {
        _layerPaint.Color = new SKColor(0, 0, 0, alpha);
        _canvas.SaveLayer(new SKRect(x, y, x + width, y + height), _layerPaint);
    }
}
