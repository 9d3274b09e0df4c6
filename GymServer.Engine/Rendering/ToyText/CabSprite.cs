using SkiaSharp;

namespace GymServer.Engine.Rendering.ToyText;

/// <summary>
/// Taxi's cab in a 32 x 32 design box, as Gymnasium picks its image by the last move: from the front after
/// driving south (and at first), from behind after north, from the side after east or west.
/// </summary>
internal static class CabSprite
{
    private const float DesignSize = 32;

    private static readonly SKColor Body = new(248, 198, 40);
    private static readonly SKColor BodyShade = new(214, 162, 24);
    private static readonly SKColor Window = new(150, 206, 236);
    private static readonly SKColor Sign = new(252, 244, 208);
    private static readonly SKColor Tyre = new(44, 44, 48);
    private static readonly SKColor Hub = new(160, 160, 164);
    private static readonly SKColor Headlight = new(255, 252, 220);
    private static readonly SKColor TailLight = new(220, 44, 40);
    private static readonly SKColor Bumper = new(90, 90, 96);

    public static void Draw(FrameCanvas canvas, float x, float y, float size, Facing facing)
    {
        var unit = size / DesignSize;
        // The side view faces right; west is the same picture mirrored.
        if (facing == Facing.Left)
        {
            canvas.PushTransform(x + size, y, -unit, unit);
        }
        else
        {
            canvas.PushTransform(x, y, unit, unit);
        }
        switch (facing)
        {
            case Facing.Down:
                DrawEnd(canvas, Headlight);
                break;
            case Facing.Up:
                DrawEnd(canvas, TailLight);
                break;
            default:
                DrawSide(canvas);
                break;
        }
        canvas.Pop();
    }

    /// <summary>The cab seen head on or from behind: only the lamps differ.</summary>
    private static void DrawEnd(FrameCanvas canvas, SKColor lamps)
    {
        canvas.FillRect(6, 24, 4, 5, Tyre);
        canvas.FillRect(22, 24, 4, 5, Tyre);
        canvas.FillRoundRect(8, 6, 16, 9, 3, BodyShade);
        canvas.FillRoundRect(9.5f, 7.5f, 13, 6, 2, Window);
        canvas.FillRoundRect(12.5f, 3, 7, 3.5f, 1, Sign);
        canvas.FillRoundRect(5, 13, 22, 12, 3, Body);
        canvas.FillCircle(9, 18.5f, 2, lamps);
        canvas.FillCircle(23, 18.5f, 2, lamps);
        canvas.FillRect(12.5f, 17.5f, 7, 2.5f, BodyShade);
        canvas.FillRoundRect(5, 23, 22, 2.5f, 1, Bumper);
    }

    /// <summary>The cab from its right side, nose to the right.</summary>
    private static void DrawSide(FrameCanvas canvas)
    {
        canvas.FillRoundRect(8, 8, 15, 9, 3, BodyShade);
        canvas.FillRoundRect(9.5f, 9.5f, 6, 5.5f, 1.5f, Window);
        canvas.FillRoundRect(16.5f, 9.5f, 5, 5.5f, 1.5f, Window);
        canvas.FillRoundRect(13, 5, 6, 3.5f, 1, Sign);
        canvas.FillRoundRect(2, 15, 28, 9, 3.5f, Body);
        canvas.FillCircle(28.5f, 18, 1.5f, Headlight);
        canvas.FillCircle(3, 18, 1.5f, TailLight);
        foreach (var wheel in (ReadOnlySpan<float>)[8.5f, 23.5f])
        {
            canvas.FillCircle(wheel, 24, 3.6f, Tyre);
            canvas.FillCircle(wheel, 24, 1.5f, Hub);
        }
    }
}
