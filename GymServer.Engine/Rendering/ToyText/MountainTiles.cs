using SkiaSharp;

namespace GymServer.Engine.Rendering.ToyText;

/// <summary>
/// CliffWalking's tiles in a 32 x 32 design box: grass in two shades (a checkerboard), the cliff's drop, grass whose
/// lower edge breaks off above the cliff, and the cookie at the goal.
/// </summary>
internal static class MountainTiles
{
    private const float DesignSize = 32;

    private static readonly SKColor[] Grass = [new(112, 168, 84), new(124, 182, 92)];
    private static readonly SKColor Blade = new(88, 140, 64);
    private static readonly SKColor Flower = new(250, 240, 200);
    private static readonly SKColor Chasm = new(58, 30, 34);
    private static readonly SKColor ChasmDeep = new(34, 16, 22);
    private static readonly SKColor Rock = new(128, 82, 56);
    private static readonly SKColor RockDark = new(96, 58, 40);
    private static readonly SKColor Cookie = new(204, 146, 84);
    private static readonly SKColor CookieEdge = new(168, 110, 58);
    private static readonly SKColor Chip = new(84, 48, 30);

    /// <summary>Grass filling the box; shade 0 or 1 is Gymnasium's checkerboard <c>row % 2 ^ col % 2</c>.</summary>
    public static void DrawGrass(FrameCanvas canvas, float x, float y, float width, float height, int shade)
    {
        canvas.FillRect(x, y, width, height, Grass[shade]);
        Begin(canvas, x, y, width, height);
        canvas.DrawLine(6, 9, 7, 6, 1, Blade);
        canvas.DrawLine(22, 20, 23, 17, 1, Blade);
        if (shade == 1)
        {
            canvas.FillCircle(9, 24, 1.2f, Flower);
            canvas.FillCircle(25, 8, 1.2f, Flower);
        }
        canvas.Pop();
    }

    public static void DrawCliff(FrameCanvas canvas, float x, float y, float width, float height)
    {
        canvas.FillRect(x, y, width, height, Chasm);
        Begin(canvas, x, y, width, height);
        canvas.FillRect(0, 14, 32, 18, ChasmDeep);
        canvas.DrawLine(4, 6, 10, 8, 1, RockDark);
        canvas.DrawLine(20, 4, 27, 7, 1, RockDark);
        canvas.Pop();
    }

    /// <summary>Drawn over grass that has the cliff below it: the ground ends in a band of rock.</summary>
    public static void DrawCliffEdge(FrameCanvas canvas, float x, float y, float width, float height)
    {
        Begin(canvas, x, y, width, height);
        canvas.FillRect(0, 25, 32, 7, Rock);
        canvas.FillRect(0, 30, 32, 2, RockDark);
        canvas.DrawLine(6, 26, 6, 30, 1, RockDark);
        canvas.DrawLine(17, 26, 17, 30, 1, RockDark);
        canvas.DrawLine(27, 26, 27, 30, 1, RockDark);
        canvas.Pop();
    }

    public static void DrawCookie(FrameCanvas canvas, float x, float y, float width, float height)
    {
        Begin(canvas, x, y, width, height);
        canvas.FillCircle(16, 16, 10, CookieEdge);
        canvas.FillCircle(16, 16, 9, Cookie);
        canvas.FillCircle(12, 12, 1.6f, Chip);
        canvas.FillCircle(19, 11, 1.4f, Chip);
        canvas.FillCircle(21, 18, 1.6f, Chip);
        canvas.FillCircle(14, 20, 1.5f, Chip);
        canvas.FillCircle(17, 15.5f, 1.2f, Chip);
        canvas.Pop();
    }

    private static void Begin(FrameCanvas canvas, float x, float y, float width, float height) =>
        canvas.PushTransform(x, y, width / DesignSize, height / DesignSize);
}
