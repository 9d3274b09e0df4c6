namespace GymServer.Engine.Rendering;

/// <summary>A point or offset in surface pixels, in double precision as the Python drawing code computes it.</summary>
internal readonly record struct Vec2(double X, double Y)
{
    public static Vec2 operator +(Vec2 a, Vec2 b) => new(a.X + b.X, a.Y + b.Y);

    /// <summary><c>pygame.math.Vector2.rotate_rad</c>: counter-clockwise in a y-up frame.</summary>
    public Vec2 RotateRad(double angle)
    {
        var (sin, cos) = Math.SinCos(angle);
        return new Vec2((X * cos) - (Y * sin), (X * sin) + (Y * cos));
    }
}
