using SkiaSharp;
using static GymServer.Engine.Environments.ClassicControl.MountainCarSpec;

namespace GymServer.Engine.Rendering.ClassicControl;

/// <summary>
/// MountainCar's frame (and MountainCarContinuous's, which differs only in the flag's place) as Gymnasium draws
/// it: 600 x 400, the hill <c>sin(3x) * 0.45 + 0.55</c> as a 100-point line, a black car tilted along the slope
/// with two grey wheels, and a yellow flag on a pole at the goal.
/// </summary>
internal sealed class MountainCarRenderer : FrameRenderer
{
    public static readonly FrameShape Size = new(Height: 400, Width: 600);

    private const double Scale = 600 / (MaxPosition - MinPosition);
    private const double CarWidth = 40;
    private const double CarHeight = 20;
    private const double Clearance = 10;
    private const int HillPoints = 100;
    private const int FlagPoleHeight = 50;

    private static readonly SKColor Background = new(255, 255, 255);
    private static readonly SKColor Black = new(0, 0, 0);
    private static readonly SKColor WheelColor = new(128, 128, 128);
    private static readonly SKColor FlagColor = new(204, 204, 0);

    private readonly Func<double> _position;
    private readonly double _goalPosition;
    private readonly Vec2[] _hill = new Vec2[HillPoints];

    /// <param name="position">Reads the car's position from the env when a frame is drawn.</param>
    /// <param name="goalPosition">Where the flag stands.</param>
    public MountainCarRenderer(Func<double> position, double goalPosition)
        : base(Size, flipVertically: true)
    {
        _position = position;
        _goalPosition = goalPosition;
        // np.linspace(min, max, 100): start + i * step, the last point exactly max.
        const double step = (MaxPosition - MinPosition) / (HillPoints - 1);
        for (var i = 0; i < HillPoints; i++)
        {
            var x = i == HillPoints - 1 ? MaxPosition : (i * step) + MinPosition;
            _hill[i] = new Vec2((x - MinPosition) * Scale, Height(x) * Scale);
        }
    }

    protected override void Draw(FrameCanvas canvas)
    {
        canvas.Clear(Background);
        canvas.AaLines(_hill, Black);

        var position = _position();
        var tilt = Math.Cos(3 * position);
        var origin = new Vec2((position - MinPosition) * Scale, Clearance + (Height(position) * Scale));
        Span<Vec2> corners = stackalloc Vec2[4];
        const double left = -CarWidth / 2;
        const double right = CarWidth / 2;
        corners[0] = new Vec2(left, 0).RotateRad(tilt) + origin;
        corners[1] = new Vec2(left, CarHeight).RotateRad(tilt) + origin;
        corners[2] = new Vec2(right, CarHeight).RotateRad(tilt) + origin;
        corners[3] = new Vec2(right, 0).RotateRad(tilt) + origin;
        canvas.GfxPolygon(corners, Black);

        // Front wheel first, as Gymnasium draws them (they do not overlap, so the order is only for fidelity).
        DrawWheel(canvas, new Vec2(CarWidth / 4, 0).RotateRad(tilt) + origin);
        DrawWheel(canvas, new Vec2(-CarWidth / 4, 0).RotateRad(tilt) + origin);

        var flagX = (int)((_goalPosition - MinPosition) * Scale);
        var flagBottom = (int)(Height(_goalPosition) * Scale);
        var flagTop = flagBottom + FlagPoleHeight;
        canvas.GfxVLine(flagX, flagBottom, flagTop, Black);
        corners = corners[..3];
        corners[0] = new Vec2(flagX, flagTop);
        corners[1] = new Vec2(flagX, flagTop - 10);
        corners[2] = new Vec2(flagX + 25, flagTop - 5);
        canvas.GfxPolygon(corners, FlagColor);
    }

    /// <summary>Gymnasium's <c>_height</c>: the hill's height at position x.</summary>
    private static double Height(double x) => (Math.Sin(3 * x) * 0.45) + 0.55;

    private static void DrawWheel(FrameCanvas canvas, Vec2 centre) =>
        canvas.GfxCircle((int)centre.X, (int)centre.Y, (int)(CarHeight / 2.5), WheelColor);
}
