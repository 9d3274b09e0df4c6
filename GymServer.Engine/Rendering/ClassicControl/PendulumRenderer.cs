using GymServer.Engine.Environments.ClassicControl;
using SkiaSharp;

namespace GymServer.Engine.Rendering.ClassicControl;

/// <summary>
/// Pendulum's frame as Gymnasium draws it: 500 x 500, a red rod with round ends turning about the centre, a black
/// axle, and after each step a circular arrow sized by the torque (see <see cref="PendulumArrow"/>).
/// </summary>
internal sealed class PendulumRenderer(Pendulum env) : FrameRenderer(Size, flipVertically: true)
{
    public static readonly FrameShape Size = new(Height: 500, Width: 500);

    /// <summary>The world shown spans -2.2 to 2.2 in both directions.</summary>
    private const double Bound = 2.2;
    private const double Scale = 500 / (Bound * 2);
    private const int Offset = 500 / 2;
    private const double RodLength = 1 * Scale;
    private const double RodWidth = 0.2 * Scale;
    private const double AxleRadius = 0.05 * Scale;

    private static readonly SKColor Background = new(255, 255, 255);
    private static readonly SKColor RodColor = new(204, 77, 77);
    private static readonly SKColor AxleColor = new(0, 0, 0);

    protected override void Draw(FrameCanvas canvas)
    {
        canvas.Clear(Background);
        // Drawn along +x, then turned by theta + pi/2, so theta = 0 points straight up.
        var turn = env.Angle + (Math.PI / 2);
        var centre = new Vec2(Offset, Offset);
        Span<Vec2> corners = stackalloc Vec2[4];
        corners[0] = new Vec2(0, -RodWidth / 2).RotateRad(turn) + centre;
        corners[1] = new Vec2(0, RodWidth / 2).RotateRad(turn) + centre;
        corners[2] = new Vec2(RodLength, RodWidth / 2).RotateRad(turn) + centre;
        corners[3] = new Vec2(RodLength, -RodWidth / 2).RotateRad(turn) + centre;
        canvas.GfxPolygon(corners, RodColor);
        canvas.GfxCircle(Offset, Offset, (int)(RodWidth / 2), RodColor);
        var end = new Vec2(RodLength, 0).RotateRad(turn) + centre;
        canvas.GfxCircle((int)end.X, (int)end.Y, (int)(RodWidth / 2), RodColor);

        if (env.LastTorque is double torque)
        {
            // pygame scales the arrow image to a square of int(scale * |u| / 2) pixels, centred on the axle.
            var side = (int)(Scale * Math.Abs(torque) / 2);
            PendulumArrow.Draw(canvas, Offset - (side / 2), Offset - (side / 2), side, mirrored: torque > 0);
        }

        canvas.GfxCircle(Offset, Offset, (int)AxleRadius, AxleColor);
    }
}
