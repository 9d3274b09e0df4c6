using System.Globalization;
using GymServer.Engine.Environments.ToyText;
using SkiaSharp;

namespace GymServer.Engine.Rendering.ToyText;

/// <summary>
/// Blackjack's frame laid out as Gymnasium lays it out: 600 x 500 green baize, "Dealer: n" at the top left, the
/// dealer's shown card (in the suit, and for a 10 the face, Gymnasium drew at reset) beside a face-down card,
/// "Player" below, the player's sum in large figures in the middle, and "usable ace" under it when there is one.
/// </summary>
internal sealed class BlackjackRenderer(Blackjack env) : FrameRenderer(Size, flipVertically: false)
{
    public static readonly FrameShape Size = new(Height: 500, Width: 600);

    private const int Spacing = 500 / 20;
    private const int CardHeight = 500 / 3;
    private const int CardWidth = (int)(CardHeight * 142 / 197.0);

    /// <summary>Line heights of Gymnasium's two font sizes (screen_height // 15 and // 6) and our pixel sizes in them.</summary>
    private const int SmallLine = 500 / 15;
    private const int LargeLine = 500 / 6;
    private const int SmallPixel = 4;
    private const int LargePixel = 10;

    private static readonly SKColor Baize = new(7, 99, 36);
    private static readonly SKColor White = new(255, 255, 255);
    private static readonly string[] Faces = ["J", "Q", "K"];

    protected override void Draw(FrameCanvas canvas)
    {
        canvas.Clear(Baize);
        var (playerSum, dealerCard, usableAce) = env.Table;
        Span<char> text = stackalloc char[16];

        "Dealer: ".CopyTo(text);
        dealerCard.TryFormat(text[8..], out var digits, provider: CultureInfo.InvariantCulture);
        DrawLine(canvas, text[..(8 + digits)], Spacing, Spacing, SmallLine, SmallPixel, centred: false);

        var cardTop = Spacing + SmallLine + Spacing;
        var rank = dealerCard switch
        {
            1 => "A",
            10 => Faces[env.DealerFace],
            _ => null,
        };
        var rankText = rank is null ? FormatDigit(dealerCard, text) : rank.AsSpan();
        CardSprite.DrawFace(canvas, (Size.Width / 2) - CardWidth - (Spacing / 2), cardTop, CardWidth, CardHeight, env.DealerSuit, rankText);
        CardSprite.DrawBack(canvas, (Size.Width / 2) + (Spacing / 2), cardTop, CardWidth, CardHeight);

        // Gymnasium places "Player" 1.5 spacings below the cards; pygame truncates the fractional position.
        var playerTop = cardTop + CardHeight + (int)(1.5 * Spacing);
        DrawLine(canvas, "Player", Spacing, playerTop, SmallLine, SmallPixel, centred: false);

        var sumTop = playerTop + SmallLine + Spacing;
        playerSum.TryFormat(text, out digits, provider: CultureInfo.InvariantCulture);
        DrawLine(canvas, text[..digits], 0, sumTop, LargeLine, LargePixel, centred: true);

        if (usableAce)
        {
            DrawLine(canvas, "usable ace", 0, sumTop + LargeLine + (Spacing / 2), SmallLine, SmallPixel, centred: true);
        }
    }

    private static ReadOnlySpan<char> FormatDigit(int value, Span<char> buffer)
    {
        value.TryFormat(buffer, out var written, provider: CultureInfo.InvariantCulture);
        return buffer[..written];
    }

    /// <summary>Text in a line of the given height, vertically centred in it; centred across the frame if asked.</summary>
    private static void DrawLine(FrameCanvas canvas, ReadOnlySpan<char> text, int x, int top, int lineHeight, int pixel, bool centred)
    {
        if (centred)
        {
            x = (Size.Width / 2) - (PixelFont.Measure(text, pixel) / 2);
        }
        var y = top + ((lineHeight - (PixelFont.GlyphHeight * pixel)) / 2);
        PixelFont.Draw(canvas, text, x, y, pixel, White);
    }
}
