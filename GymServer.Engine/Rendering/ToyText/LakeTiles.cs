using SkiaSharp;

namespace GymServer.Engine.Rendering.ToyText;

/// <summary>
/// FrozenLake's tiles in a 32 x 32 design box: frozen ice, a hole of open water, the gift at the goal, the stool
/// at the start, and the broken ice shown when the walker has fallen in. Each is stretched to its cell, as pygame
/// scales Gymnasium's images to the cell size.
/// </summary>
internal static class LakeTiles
{
    private const float DesignSize = 32;

    private static readonly SKColor Ice = new(214, 236, 250);
    private static readonly SKColor IceShine = new(255, 255, 255, 200);
    private static readonly SKColor IceShade = new(176, 214, 240);
    private static readonly SKColor WaterRim = new(120, 190, 240);
    private static readonly SKColor Water = new(46, 120, 200);
    private static readonly SKColor DeepWater = new(20, 56, 110);
    private static readonly SKColor Crack = new(250, 252, 255);
    private static readonly SKColor GiftBox = new(64, 112, 196);
    private static readonly SKColor GiftLid = new(48, 88, 168);
    private static readonly SKColor Ribbon = new(244, 146, 48);
    private static readonly SKColor Wood = new(150, 96, 62);
    private static readonly SKColor WoodDark = new(112, 70, 44);

    public static void DrawIce(FrameCanvas canvas, float x, float y, float width, float height)
    {
        canvas.FillRect(x, y, width, height, Ice);
        Begin(canvas, x, y, width, height);
        canvas.FillOval(22, 23, 7, 3, IceShade);
        canvas.DrawLine(5, 12, 12, 5, 1.5f, IceShine);
        canvas.DrawLine(8, 15, 15, 8, 1, IceShine);
        canvas.DrawLine(19, 29, 28, 20, 1.5f, IceShine);
        canvas.Pop();
    }

    public static void DrawHole(FrameCanvas canvas, float x, float y, float width, float height)
    {
        Begin(canvas, x, y, width, height);
        canvas.FillOval(16, 16.5f, 13, 11, WaterRim);
        canvas.FillOval(16, 17, 11, 9, Water);
        canvas.DrawLine(10, 14, 15, 12, 1.2f, WaterRim);
        canvas.Pop();
    }

    /// <summary>The hole after the walker fell in: the water dark and the ice around it cracked.</summary>
    public static void DrawCrackedHole(FrameCanvas canvas, float x, float y, float width, float height)
    {
        Begin(canvas, x, y, width, height);
        canvas.FillOval(16, 16.5f, 13.5f, 11.5f, WaterRim);
        canvas.FillOval(16, 17, 11, 9, Water);
        canvas.FillOval(16, 17.5f, 7, 5.5f, DeepWater);
        canvas.DrawLine(3, 4, 8, 9, 1, Crack);
        canvas.DrawLine(29, 5, 24, 10, 1, Crack);
        canvas.DrawLine(4, 29, 9, 25, 1, Crack);
        canvas.DrawLine(28, 29, 24, 25, 1, Crack);
        canvas.Pop();
    }

    public static void DrawGift(FrameCanvas canvas, float x, float y, float width, float height)
    {
        Begin(canvas, x, y, width, height);
        canvas.FillRect(8, 14, 16, 13, GiftBox);
        canvas.FillRect(7, 11, 18, 4.5f, GiftLid);
        canvas.FillRect(14.5f, 11, 3, 16, Ribbon);
        canvas.FillOval(12.5f, 9, 3.5f, 2.2f, Ribbon);
        canvas.FillOval(19.5f, 9, 3.5f, 2.2f, Ribbon);
        canvas.FillCircle(16, 10, 1.6f, GiftLid);
        canvas.Pop();
    }

    public static void DrawStool(FrameCanvas canvas, float x, float y, float width, float height)
    {
        Begin(canvas, x, y, width, height);
        canvas.FillRect(11, 17, 2, 9, WoodDark);
        canvas.FillRect(19, 17, 2, 9, WoodDark);
        canvas.FillRoundRect(10, 14, 12, 4, 2, Wood);
        canvas.Pop();
    }

    private static void Begin(FrameCanvas canvas, float x, float y, float width, float height) =>
        canvas.PushTransform(x, y, width / DesignSize, height / DesignSize);
}
