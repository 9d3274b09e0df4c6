using SkiaSharp;

namespace GymServer.Engine.Rendering.ToyText;

/// <summary>
/// Playing cards for Blackjack's frame, in a 142 x 197 design box (the proportions of Gymnasium's card images):
/// a face with its rank in the corners and its suit in the middle, or the patterned back of the hidden card.
/// </summary>
internal static class CardSprite
{
    private const float DesignWidth = 142;
    private const float DesignHeight = 197;
    private const float Corner = 10;
    private const int RankPixel = 4;

    private static readonly SKColor Paper = new(252, 252, 250);
    private static readonly SKColor Edge = new(150, 150, 150);
    private static readonly SKColor Red = new(200, 32, 44);
    private static readonly SKColor Black = new(24, 24, 28);
    private static readonly SKColor BackColour = new(186, 44, 66);
    private static readonly SKColor BackPattern = new(232, 150, 162);

    /// <summary>
    /// A card face stretched to the box: suit 0 clubs, 1 diamonds, 2 hearts, 3 spades (Gymnasium's order "C", "D",
    /// "H", "S"); rank "A", "2" to "9", "J", "Q" or "K".
    /// </summary>
    public static void DrawFace(FrameCanvas canvas, float x, float y, float width, float height, int suit, ReadOnlySpan<char> rank)
    {
        canvas.PushTransform(x, y, width / DesignWidth, height / DesignHeight);
        DrawBlank(canvas);
        var ink = suit is 1 or 2 ? Red : Black;
        var rankWidth = PixelFont.Measure(rank, RankPixel);
        PixelFont.Draw(canvas, rank, 10, 10, RankPixel, ink);
        SuitSymbol.Draw(canvas, suit, 10 + (rankWidth / 2f), 56, 20, ink);
        SuitSymbol.Draw(canvas, suit, DesignWidth / 2, DesignHeight / 2, 64, ink);
        const int rankHeight = PixelFont.GlyphHeight * RankPixel;
        PixelFont.Draw(canvas, rank, (int)DesignWidth - 10 - rankWidth, (int)DesignHeight - 10 - rankHeight, RankPixel, ink);
        SuitSymbol.Draw(canvas, suit, DesignWidth - 10 - (rankWidth / 2f), DesignHeight - 56, 20, ink);
        canvas.Pop();
    }

    /// <summary>The back of a card: a red panel with a diagonal lattice inside a white border.</summary>
    public static void DrawBack(FrameCanvas canvas, float x, float y, float width, float height)
    {
        canvas.PushTransform(x, y, width / DesignWidth, height / DesignHeight);
        DrawBlank(canvas);
        const float inset = 10;
        const float panelWidth = DesignWidth - (2 * inset);
        const float panelHeight = DesignHeight - (2 * inset);
        canvas.FillRoundRect(inset, inset, panelWidth, panelHeight, 6, BackColour);
        canvas.PushClip(inset, inset, panelWidth, panelHeight);
        const float step = 14;
        for (var offset = -DesignHeight; offset < DesignWidth; offset += step)
        {
            canvas.DrawLine(offset, 0, offset + DesignHeight, DesignHeight, 2, BackPattern, SKStrokeCap.Butt);
            canvas.DrawLine(offset + DesignHeight, 0, offset, DesignHeight, 2, BackPattern, SKStrokeCap.Butt);
        }
        canvas.Pop();
        canvas.Pop();
    }

    private static void DrawBlank(FrameCanvas canvas)
    {
        canvas.FillRoundRect(0, 0, DesignWidth, DesignHeight, Corner, Edge);
        canvas.FillRoundRect(2, 2, DesignWidth - 4, DesignHeight - 4, Corner - 2, Paper);
    }
}
