using SkiaSharp;

namespace GymServer.Engine.Rendering.ToyText;

/// <summary>The four card suits as shapes: club, diamond, heart, spade, each centred on a point and size tall.</summary>
internal static class SuitSymbol
{
    /// <summary>Suit 0 clubs, 1 diamonds, 2 hearts, 3 spades, centred on (x, y).</summary>
    public static void Draw(FrameCanvas canvas, int suit, float x, float y, float size, SKColor color)
    {
        var s = size;
        switch (suit)
        {
            case 0:
                canvas.FillCircle(x, y - (0.22f * s), 0.2f * s, color);
                canvas.FillCircle(x - (0.22f * s), y + (0.08f * s), 0.2f * s, color);
                canvas.FillCircle(x + (0.22f * s), y + (0.08f * s), 0.2f * s, color);
                DrawStem(canvas, x, y, s, color);
                break;
            case 1:
                Span<SKPoint> diamond = [new(x, y - (0.5f * s)), new(x + (0.38f * s), y), new(x, y + (0.5f * s)), new(x - (0.38f * s), y)];
                canvas.FillPolygon(diamond, color);
                break;
            case 2:
                canvas.FillCircle(x - (0.22f * s), y - (0.2f * s), 0.25f * s, color);
                canvas.FillCircle(x + (0.22f * s), y - (0.2f * s), 0.25f * s, color);
                Span<SKPoint> point = [new(x - (0.46f * s), y - (0.12f * s)), new(x + (0.46f * s), y - (0.12f * s)), new(x, y + (0.45f * s))];
                canvas.FillPolygon(point, color);
                break;
            case 3:
                canvas.FillCircle(x - (0.22f * s), y + (0.06f * s), 0.23f * s, color);
                canvas.FillCircle(x + (0.22f * s), y + (0.06f * s), 0.23f * s, color);
                Span<SKPoint> tip = [new(x - (0.44f * s), y + (0.02f * s)), new(x + (0.44f * s), y + (0.02f * s)), new(x, y - (0.5f * s))];
                canvas.FillPolygon(tip, color);
                DrawStem(canvas, x, y, s, color);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(suit), suit, "suits are 0 to 3");
        }
    }

    private static void DrawStem(FrameCanvas canvas, float x, float y, float s, SKColor color)
    {
        Span<SKPoint> stem = [new(x, y + (0.05f * s)), new(x + (0.16f * s), y + (0.5f * s)), new(x - (0.16f * s), y + (0.5f * s))];
        canvas.FillPolygon(stem, color);
    }
}
