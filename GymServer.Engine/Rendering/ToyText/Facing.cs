namespace GymServer.Engine.Rendering.ToyText;

/// <summary>Which way a walker or the taxi was last moving, which picks the sprite Gymnasium shows.</summary>
internal enum Facing
{
    Left,
    Down,
    Right,
    Up,
}
