namespace GymServer.Engine.Rendering;

/// <summary>
/// The shape of an rgb_array frame, numpy's <c>(height, width, 3)</c>: rows top to bottom, each row left to right,
/// each pixel red, green, blue as one byte each.
/// </summary>
public readonly record struct FrameShape(int Height, int Width)
{
    public const int Channels = 3;

    /// <summary>Bytes in one frame: height x width x 3.</summary>
    public int ByteSize => Height * Width * Channels;

    public override string ToString() => $"({Height}, {Width}, {Channels})";
}
