using GymServer.Engine.Environments.ClassicControl;
using SkiaSharp;
using static GymServer.Engine.Environments.ClassicControl.AcrobotSpec;

namespace GymServer.Engine.Rendering.ClassicControl;

/// <summary>
/// Acrobot's frame as Gymnasium draws it: 500 x 500, the two cyan links hanging from the centre with yellow
/// joints, and a black line at the height the free end must reach.
/// </summary>
internal sealed class AcrobotRenderer(Acrobot env) : FrameRenderer(Size, flipVertically: true)
{
    public static readonly FrameShape Size = new(Height: 500, Width: 500);

    private const double Bound = LinkLength1 + LinkLength2 + 0.2;
    private const double Scale = 500 / (Bound * 2);
    private const double Offset = 500 / 2.0;
    private const double HalfLinkWidth = 0.1 * Scale;

    private static readonly SKColor Background = new(255, 255, 255);
    private static readonly SKColor LineColor = new(0, 0, 0);
    private static readonly SKColor LinkColor = new(0, 204, 204);
    private static readonly SKColor JointColor = new(204, 204, 0);

    protected override void Draw(FrameCanvas canvas)
    {
        canvas.Clear(Background);
        var state = env.State;

        // Gymnasium computes the joints with x down the screen and then swaps the axes (xys[:, ::-1]).
        var firstX = -LinkLength1 * Math.Cos(state.Theta1) * Scale;
        var firstY = LinkLength1 * Math.Sin(state.Theta1) * Scale;

        // pygame.draw.line from x = 0 to 500 at y = 1 * scale + offset: one row, the y truncated to an integer.
        canvas.GfxHLine(0, Size.Width, (int)((1 * Scale) + Offset), LineColor);

        DrawLink(canvas, new Vec2(Offset, Offset), state.Theta1 - (Math.PI / 2), LinkLength1 * Scale);
        DrawLink(canvas, new Vec2(firstY + Offset, firstX + Offset), state.Theta1 + state.Theta2 - (Math.PI / 2), LinkLength2 * Scale);
    }

    private static void DrawLink(FrameCanvas canvas, Vec2 start, double angle, double length)
    {
        Span<Vec2> corners = stackalloc Vec2[4];
        corners[0] = new Vec2(0, -HalfLinkWidth).RotateRad(angle) + start;
        corners[1] = new Vec2(0, HalfLinkWidth).RotateRad(angle) + start;
        corners[2] = new Vec2(length, HalfLinkWidth).RotateRad(angle) + start;
        corners[3] = new Vec2(length, -HalfLinkWidth).RotateRad(angle) + start;
        canvas.GfxPolygon(corners, LinkColor);
        canvas.GfxCircle((int)start.X, (int)start.Y, (int)HalfLinkWidth, JointColor);
    }
}
