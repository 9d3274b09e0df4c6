using SkiaSharp;

namespace GymServer.Engine.Rendering;

/// <summary>
/// The pygame primitives Gymnasium's classic-control envs draw with, reproduced on Skia. pygame's gfxdraw (SDL_gfx)
/// truncates coordinates to integers and treats an integer as a pixel's centre, with both ends inclusive: a
/// filled_polygon from x = 276 to 326 covers 51 columns. Skia covers the area of a shape, so each primitive places
/// its outline half a pixel further out, and antialiases it as aapolygon/aacircle do.
/// </summary>
internal sealed partial class FrameCanvas
{
    private const float PixelCentre = 0.5f;

    /// <summary><c>gfxdraw.aapolygon</c> then <c>gfxdraw.filled_polygon</c> in one colour.</summary>
    public void GfxPolygon(ReadOnlySpan<Vec2> vertices, SKColor color)
    {
        var path = NewPath();
        for (var i = 0; i < vertices.Length; i++)
        {
            var point = new SKPoint(Truncate(vertices[i].X) + PixelCentre, Truncate(vertices[i].Y) + PixelCentre);
            if (i == 0)
            {
                path.MoveTo(point);
            }
            else
            {
                path.LineTo(point);
            }
        }
        path.Close();
        FillPath(color);
        // The outline is one pixel wide, centred on the edge: half a pixel beyond the filled centres.
        StrokePath(color, 1f);
    }

    /// <summary><c>gfxdraw.aacircle</c> then <c>gfxdraw.filled_circle</c>: a disc of 2r + 1 pixels across.</summary>
    public void GfxCircle(int x, int y, int radius, SKColor color)
    {
        var path = NewPath();
        path.AddCircle(x + PixelCentre, y + PixelCentre, radius + PixelCentre);
        FillPath(color);
    }

    /// <summary><c>gfxdraw.hline</c>: row y from x1 to x2, both included.</summary>
    public void GfxHLine(int x1, int x2, int y, SKColor color) =>
        FillPixels(Math.Min(x1, x2), y, Math.Abs(x2 - x1) + 1, 1, color);

    /// <summary><c>gfxdraw.vline</c>: column x from y1 to y2, both included.</summary>
    public void GfxVLine(int x, int y1, int y2, SKColor color) =>
        FillPixels(x, Math.Min(y1, y2), 1, Math.Abs(y2 - y1) + 1, color);

    /// <summary><c>pygame.draw.aalines</c>, not closed: a one-pixel antialiased polyline through pixel centres.</summary>
    public void AaLines(ReadOnlySpan<Vec2> points, SKColor color)
    {
        var path = NewPath();
        path.MoveTo((float)points[0].X + PixelCentre, (float)points[0].Y + PixelCentre);
        for (var i = 1; i < points.Length; i++)
        {
            path.LineTo((float)points[i].X + PixelCentre, (float)points[i].Y + PixelCentre);
        }
        StrokePath(color, 1f);
    }

    /// <summary>Whole pixels, no antialiasing: columns x to x + width - 1, rows y to y + height - 1.</summary>
    public void FillPixels(int x, int y, int width, int height, SKColor color)
    {
        SetFill(color, antialias: false);
        _canvas.DrawRect(x, y, width, height, _paint);
    }

    /// <summary>Python's <c>int(x)</c> on a float, which gfxdraw applies to every coordinate: toward zero.</summary>
    private static float Truncate(double value) => (float)Math.Truncate(value);
}
