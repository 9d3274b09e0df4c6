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
        if (_canvas is null)
        {
            _canvas = new FrameCanvas(Shape, _flipVertically);
            if (HasBackground)
            {
                DrawBackground(_canvas);
                _canvas.KeepAsBackground();
            }
        }
        else if (HasBackground)
        {
            _canvas.RestoreBackground();
        }
        Draw(_canvas);
        _canvas.CopyRgbTo(frame);
    }

    public void Dispose() => _canvas?.Dispose();

    /// <summary>
    /// True for a renderer whose frames share a part that never changes (a board, a map) and is drawn first:
    /// it is drawn once by <see cref="DrawBackground"/> and copied at the start of every later frame.
    /// </summary>
    protected virtual bool HasBackground => false;

    /// <summary>Draws the unchanging part of every frame; called once, only when <see cref="HasBackground"/>.</summary>
    protected virtual void DrawBackground(FrameCanvas canvas)
    {
    }

    /// <summary>Draws the current state (over the background, if there is one).</summary>
    protected abstract void Draw(FrameCanvas canvas);
}
