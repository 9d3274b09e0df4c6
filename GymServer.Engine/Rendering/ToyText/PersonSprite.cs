using SkiaSharp;

namespace GymServer.Engine.Rendering.ToyText;

/// <summary>
/// A small standing figure in a 32 x 32 box, seen from the front, the back or the side: the elf of FrozenLake and
/// CliffWalking (pointed green hat, green tunic) or Taxi's passenger (bare brown hair, red shirt).
/// </summary>
internal static class PersonSprite
{
    private const float DesignSize = 32;

    private static readonly SKColor Shadow = new(0, 0, 0, 60);
    private static readonly SKColor Skin = new(242, 196, 160);
    private static readonly SKColor Eye = new(40, 30, 30);
    private static readonly SKColor Boots = new(92, 58, 38);

    public static readonly PersonStyle Elf = new(
        Tunic: new SKColor(64, 150, 72), Belt: new SKColor(120, 76, 40), Legs: new SKColor(190, 60, 50),
        Hair: new SKColor(230, 150, 60), Hat: new SKColor(40, 120, 56));

    public static readonly PersonStyle Passenger = new(
        Tunic: new SKColor(200, 56, 56), Belt: new SKColor(200, 56, 56), Legs: new SKColor(60, 80, 150),
        Hair: new SKColor(110, 70, 40), Hat: null);

    /// <summary>Draws the figure stretched to the box (x, y, width, height), as pygame scales a sprite to a cell.</summary>
    public static void Draw(FrameCanvas canvas, float x, float y, float width, float height, Facing facing, PersonStyle style)
    {
        canvas.PushTransform(x, y, width / DesignSize, height / DesignSize);
        canvas.FillOval(16, 29.5f, 8, 2, Shadow);

        // Legs, then the tunic over their tops, then arms at its sides.
        canvas.FillRoundRect(11.5f, 22, 4, 7, 1.5f, style.Legs);
        canvas.FillRoundRect(16.5f, 22, 4, 7, 1.5f, style.Legs);
        canvas.FillRect(11.5f, 27, 4, 2, Boots);
        canvas.FillRect(16.5f, 27, 4, 2, Boots);
        canvas.FillRoundRect(10, 15, 12, 9, 3, style.Tunic);
        canvas.FillRect(10, 20.5f, 12, 1.5f, style.Belt);
        var armShift = facing switch
        {
            Facing.Left => -1.5f,
            Facing.Right => 1.5f,
            _ => 0f,
        };
        canvas.FillCircle(9 + armShift, 19, 2, Skin);
        canvas.FillCircle(23 + armShift, 19, 2, Skin);

        DrawHead(canvas, facing, style);
        canvas.Pop();
    }

    private static void DrawHead(FrameCanvas canvas, Facing facing, PersonStyle style)
    {
        canvas.FillCircle(16, 11, 6, facing == Facing.Up ? style.Hair : Skin);
        switch (facing)
        {
            case Facing.Down:
                canvas.FillCircle(13.8f, 11.5f, 1, Eye);
                canvas.FillCircle(18.2f, 11.5f, 1, Eye);
                break;
            case Facing.Left:
                canvas.FillCircle(12.5f, 11.5f, 1, Eye);
                canvas.FillOval(19.5f, 10, 2.5f, 4.5f, style.Hair);
                break;
            case Facing.Right:
                canvas.FillCircle(19.5f, 11.5f, 1, Eye);
                canvas.FillOval(12.5f, 10, 2.5f, 4.5f, style.Hair);
                break;
            case Facing.Up:
                break;
        }

        if (style.Hat is SKColor hat)
        {
            // A pointed cap whose tip trails behind the way the wearer walks.
            var tip = facing switch
            {
                Facing.Left => 24f,
                Facing.Right => 8f,
                _ => 16f,
            };
            Span<SKPoint> cap = [new(9, 9.5f), new(23, 9.5f), new(tip, 0.5f)];
            canvas.FillPolygon(cap, hat);
            canvas.FillRoundRect(8.5f, 7.5f, 15, 3, 1.5f, hat);
        }
        else
        {
            canvas.FillOval(16, 7, 6, 3, style.Hair);
        }
    }
}

