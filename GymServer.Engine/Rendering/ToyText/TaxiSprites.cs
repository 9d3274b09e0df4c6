using SkiaSharp;

namespace GymServer.Engine.Rendering.ToyText;

/// <summary>
/// Taxi's scenery in a 32 x 32 design box: the road, the hedges that are its walls, and the hotel at the
/// destination (the cab is <see cref="CabSprite"/>).
/// </summary>
internal static class TaxiSprites
{
    private const float DesignSize = 32;

    public static readonly SKColor Road = new(126, 126, 126);

    private static readonly SKColor Kerb = new(206, 200, 178);
    private static readonly SKColor Hedge = new(70, 142, 52);
    private static readonly SKColor HedgeLight = new(96, 170, 70);
    private static readonly SKColor Brick = new(214, 122, 82);
    private static readonly SKColor Cornice = new(244, 224, 172);
    private static readonly SKColor Glass = new(128, 186, 240);
    private static readonly SKColor Door = new(64, 104, 180);

    /// <summary>
    /// A wall of Taxi's map: a hedge in a kerb across the middle of the cell, along it (vertical) or across it, with
    /// rounded ends where the wall ends and square ones where it runs on into the next cell.
    /// </summary>
    public static void DrawHedge(FrameCanvas canvas, float x, float y, float size, bool vertical, bool roundStart, bool roundEnd)
    {
        canvas.PushTransform(x, y, size / DesignSize, size / DesignSize);
        DrawBand(canvas, vertical, 8, 16, roundStart ? 2 : 0, roundEnd ? 30 : DesignSize, Kerb);
        DrawBand(canvas, vertical, 10, 12, roundStart ? 4 : 0, roundEnd ? 28 : DesignSize, Hedge);
        DrawBand(canvas, vertical, 14.5f, 3, roundStart ? 6 : 0, roundEnd ? 26 : DesignSize, HedgeLight);
        canvas.Pop();
    }

    /// <summary>The hotel Gymnasium marks the destination with, drawn at the given opacity (it uses 170).</summary>
    public static void DrawHotel(FrameCanvas canvas, float x, float y, float size, byte alpha)
    {
        canvas.PushOpacity(alpha, x, y, size, size);
        canvas.PushTransform(x, y, size / DesignSize, size / DesignSize);
        canvas.FillRect(5, 7, 22, 24, Brick);
        canvas.FillRect(4, 3, 24, 5, Cornice);
        for (var row = 0; row < 3; row++)
        {
            for (var column = 0; column < 3; column++)
            {
                canvas.FillRect(7.5f + (column * 6.5f), 10 + (row * 5.5f), 4, 3.5f, Glass);
            }
        }
        canvas.FillRect(14, 26, 4, 5, Door);
        canvas.Pop();
        canvas.Pop();
    }

    /// <summary>A band across the cell from <paramref name="from"/> to <paramref name="to"/> along its length.</summary>
    private static void DrawBand(FrameCanvas canvas, bool vertical, float offset, float thickness, float from, float to, SKColor color)
    {
        var radius = thickness / 2;
        if (vertical)
        {
            canvas.FillRoundRect(offset, from, thickness, to - from, radius, color);
            SquareEnds(canvas, offset, from, thickness, to, radius, color, vertical);
        }
        else
        {
            canvas.FillRoundRect(from, offset, to - from, thickness, radius, color);
            SquareEnds(canvas, offset, from, thickness, to, radius, color, vertical);
        }
    }

    /// <summary>Where a band runs on into the next cell its end is square, not rounded.</summary>
    private static void SquareEnds(FrameCanvas canvas, float offset, float from, float thickness, float to, float radius, SKColor color, bool vertical)
    {
        if (from == 0)
        {
            Fill(canvas, vertical, offset, 0, thickness, radius, color);
        }
        if (to == DesignSize)
        {
            Fill(canvas, vertical, offset, DesignSize - radius, thickness, radius, color);
        }
    }

    private static void Fill(FrameCanvas canvas, bool vertical, float offset, float along, float thickness, float length, SKColor color)
    {
        if (vertical)
        {
            canvas.FillRect(offset, along, thickness, length, color);
        }
        else
        {
            canvas.FillRect(along, offset, length, thickness, color);
        }
    }
}
