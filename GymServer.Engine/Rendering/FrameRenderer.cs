namespace GymServer.Engine.Rendering;

/// <summary>
/// Draws one env's frames. The canvas (a native bitmap) is made on the first frame and reused for every later one,
/// so an env that never renders costs nothing and one that does allocates nothing per frame.
/// </summary>
internal abstract class FrameRenderer : IDisposable
{
    private readonly bool _flipVertically;
    private FrameCanvas? _canvas;

    /// <param name="shape">The frame size.</param>
    /// <param name="flipVertically">
    /// True for the classic-control envs: Gymnasium draws them with y pointing up and flips the surface at the end.
    /// </param>
    protected FrameRenderer(FrameShape shape, bool flipVertically)
    {
        Shape = shape;
        _flipVertically = flipVertically;
    }

    public FrameShape Shape { get; }

    public void Render(Span<byte> frame)
    {
        _canvas ??= new FrameCanvas(Shape, _flipVertically);
        Draw(_canvas);
        _canvas.CopyRgbTo(frame);
    }

    public void Dispose() => _canvas?.Dispose();

    protected abstract void Draw(FrameCanvas canvas);
}
