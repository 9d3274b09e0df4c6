using SkiaSharp;

namespace GymServer.Engine.Rendering;

/// <summary>
/// A small 5 x 7 pixel font for the few words the toy-text frames show (Blackjack's "Dealer: 10", "Player",
/// "usable ace", card ranks). Gymnasium uses a pixel-style TTF; a built-in bitmap font keeps frames free of any
/// system font (the NoDependencies Skia build has no font lookup) and identical on every machine.
/// </summary>
internal static class PixelFont
{
    public const int GlyphWidth = 5;
    public const int GlyphHeight = 7;

    /// <summary>Horizontal step from one character to the next, in font pixels.</summary>
    public const int Advance = GlyphWidth + 1;

    // Each glyph is 7 rows of 5 columns, '#' lit; only the characters the frames need.
    private static readonly Dictionary<char, string> Glyphs = new()
    {
        ['0'] = ".###.#...##..###.#.###..##...#.###.",
        ['1'] = "..#...##....#....#....#....#...###.",
        ['2'] = ".###.#...#....#...#...#...#...#####",
        ['3'] = "####.....#....#.###.....#....#####.",
        ['4'] = "...#...##..#.#.#..#.#####...#....#.",
        ['5'] = "######....####.....#....##...#.###.",
        ['6'] = "..##..#...#....####.#...##...#.###.",
        ['7'] = "#####....#...#...#...#....#....#...",
        ['8'] = ".###.#...##...#.###.#...##...#.###.",
        ['9'] = ".###.#...##...#.####....#...#..##..",
        ['A'] = ".###.#...##...#######...##...##...#",
        ['D'] = "####.#...##...##...##...##...#####.",
        ['J'] = "..###...#....#....#....#.#..#..##..",
        ['K'] = "#...##..#.#.#..##...#.#..#..#.#...#",
        ['P'] = "####.#...##...#####.#....#....#....",
        ['Q'] = ".###.#...##...##...##.#.##..#..##.#",
        ['a'] = "...........###.....#.#####...#.####",
        ['b'] = "#....#....#.##.##..##...##...#####.",
        ['c'] = "...........###.#....#....#...#.###.",
        ['e'] = "...........###.#...#######.....###.",
        ['l'] = ".##....#....#....#....#....#...###.",
        ['r'] = "..........#.##.##..##....#....#....",
        ['s'] = "...........#####.....###.....#####.",
        ['u'] = "..........#...##...##...##..##.##.#",
        ['y'] = ".....#...##...#.####....##...#.###.",
        [':'] = "......##...##........##...##.......",
        [' '] = "...................................",
    };

    /// <summary>Width in surface pixels of <paramref name="text"/> at <paramref name="pixelSize"/>.</summary>
    public static int Measure(ReadOnlySpan<char> text, int pixelSize) =>
        text.IsEmpty ? 0 : ((text.Length * Advance) - 1) * pixelSize;

    /// <summary>Draws text with its top-left corner at (x, y), each font pixel a square of pixelSize.</summary>
    public static void Draw(FrameCanvas canvas, ReadOnlySpan<char> text, int x, int y, int pixelSize, SKColor color)
    {
        foreach (var character in text)
        {
            if (!Glyphs.TryGetValue(character, out var glyph))
            {
                throw new ArgumentException($"the pixel font has no glyph for '{character}'", nameof(text));
            }
            for (var row = 0; row < GlyphHeight; row++)
            {
                for (var column = 0; column < GlyphWidth; column++)
                {
                    if (glyph[(row * GlyphWidth) + column] == '#')
                    {
                        canvas.FillPixels(x + (column * pixelSize), y + (row * pixelSize), pixelSize, pixelSize, color);
                    }
                }
            }
            x += Advance * pixelSize;
        }
    }
}
