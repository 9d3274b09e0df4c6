using GymServer.Engine.Environments.ClassicControl;
using SkiaSharp;
using static GymServer.Engine.Environments.ClassicControl.CartPoleSpec;

namespace GymServer.Engine.Rendering.ClassicControl;

/// <summary>
/// CartPole's frame as Gymnasium draws it: 600 x 400, a black cart on a track line, a tan pole on a blue axle;
/// the world spans twice the x threshold across the width.
/// </summary>
internal sealed class CartPoleRenderer(CartPole env) : FrameRenderer(Size, flipVertically: true)
{
    public static readonly FrameShape Size = new(Height: 400, Width: 600);

    private const double Scale = 600 / (XThreshold * 2);
    private const double PoleWidth = 10.0;
    private const double PoleLength = Scale * (2 * Length);
    private const double CartWidth = 50.0;
    private const double CartHeight = 30.0;
    private const double AxleOffset = CartHeight / 4.0;

    /// <summary>The top of the cart and the track line, in pixels from the bottom.</summary>
    private const int CartTop = 100;

    private static readonly SKColor Background = new(255, 255, 255);
    private static readonly SKColor CartColor = new(0, 0, 0);
    private static readonly SKColor PoleColor = new(202, 152, 101);
    private static readonly SKColor AxleColor = new(129, 132, 203);
    private static readonly SKColor TrackColor = new(0, 0, 0);

    protected override void Draw(FrameCanvas canvas)
    {
        canvas.Clear(Background);
        var cartX = (env.CartPosition * Scale) + (Size.Width / 2.0);
        Span<Vec2> corners = stackalloc Vec2[4];

        const double halfWidth = CartWidth / 2;
        const double halfHeight = CartHeight / 2;
        corners[0] = new Vec2(-halfWidth + cartX, -halfHeight + CartTop);
        corners[1] = new Vec2(-halfWidth + cartX, halfHeight + CartTop);
        corners[2] = new Vec2(halfWidth + cartX, halfHeight + CartTop);
        corners[3] = new Vec2(halfWidth + cartX, -halfHeight + CartTop);
        canvas.GfxPolygon(corners, CartColor);

        // The pole is drawn upright about the axle, then turned by -theta (theta > 0 leans right).
        var axle = new Vec2(cartX, CartTop + AxleOffset);
        const double left = -PoleWidth / 2;
        const double right = PoleWidth / 2;
        const double top = PoleLength - (PoleWidth / 2);
        const double bottom = -PoleWidth / 2;
        var angle = -env.PoleAngle;
        corners[0] = new Vec2(left, bottom).RotateRad(angle) + axle;
        corners[1] = new Vec2(left, top).RotateRad(angle) + axle;
        corners[2] = new Vec2(right, top).RotateRad(angle) + axle;
        corners[3] = new Vec2(right, bottom).RotateRad(angle) + axle;
        canvas.GfxPolygon(corners, PoleColor);

        canvas.GfxCircle((int)axle.X, (int)axle.Y, (int)(PoleWidth / 2), AxleColor);
        canvas.GfxHLine(0, Size.Width, CartTop, TrackColor);
    }
}
