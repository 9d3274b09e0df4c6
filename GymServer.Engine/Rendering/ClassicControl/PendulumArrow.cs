using SkiaSharp;

namespace GymServer.Engine.Rendering.ClassicControl;

/// <summary>
/// The circular arrow Gymnasium's Pendulum shows the torque with (its <c>clockwise.png</c>), drawn as a shape:
/// three quarters of a circle starting at the top and running clockwise down to the left, ending in an arrowhead
/// that points up. Geometry is in the image's own pixels (329 x 312), measured from the asset; the square it is
/// squeezed into distorts it just as pygame's scaling does. For a positive torque Gymnasium mirrors it left to right.
/// </summary>
internal static class PendulumArrow
{
    private const float ImageWidth = 329;
    private const float ImageHeight = 312;

    private const float CentreX = 172.5f;
    private const float CentreY = 155.5f;
    private const float Radius = 151;
    private const float StrokeWidth = 10;

    /// <summary>Degrees, clockwise from the right in y-down image space: from the top round to the left.</summary>
    private const float StartAngle = -90;
    private const float SweepAngle = 270;

    private static readonly SKColor Color = new(0, 0, 0);

    /// <param name="canvas">The frame, in surface (pre-flip) coordinates.</param>
    /// <param name="left">The left of the arrow's square, surface pixels.</param>
    /// <param name="top">The top of the square in surface coordinates (after the frame's flip it is the bottom).</param>
    /// <param name="side">The square's side in pixels; 0 draws nothing, as pygame blits an empty image.</param>
    /// <param name="mirrored">True for a positive torque: the arrow turns the other way.</param>
    public static void Draw(FrameCanvas canvas, int left, int top, int side, bool mirrored)
    {
        if (side <= 0)
        {
            return;
        }
        // Gymnasium flips the image vertically before blitting and the whole surface again afterwards, so in the
        // frame it stands upright: image row 0 at the top of the square, i.e. at surface y = top + side.
        var scaleX = side / ImageWidth;
        var scaleY = side / ImageHeight;
        canvas.PushTransform(mirrored ? left + side : left, top + side, mirrored ? -scaleX : scaleX, -scaleY);

        var path = canvas.NewPath();
        var circle = new SKRect(CentreX - Radius, CentreY - Radius, CentreX + Radius, CentreY + Radius);
        path.AddArc(circle, StartAngle, SweepAngle);
        canvas.StrokePath(Color, StrokeWidth);

        // The head: a point above the arc's end, two barbs swept back below it, a notch between them.
        path = canvas.NewPath();
        path.MoveTo(21.5f, 109f);
        path.LineTo(44.5f, 169.5f);
        path.LineTo(21.5f, 151f);
        path.LineTo(-0.5f, 169.5f);
        path.Close();
        canvas.FillPath(Color);

        canvas.Pop();
    }
}
