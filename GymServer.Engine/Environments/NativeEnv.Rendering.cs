using GymServer.Engine.Rendering;
using GymServer.Protocol;

namespace GymServer.Engine.Environments;

/// <summary>
/// Gymnasium's <c>render()</c> for the C# envs. The mode is fixed when the env is made (the registry reads
/// <c>render_mode</c>); each env supplies the renderer that draws its state, made on first use.
/// </summary>
public abstract partial class NativeEnv : IRenderable
{
    private FrameRenderer? _renderer;

    public RenderMode RenderMode { get; internal set; }

    public FrameShape FrameShape => Renderer.Shape;

    private FrameRenderer Renderer => _renderer ??= CreateRenderer();

    public void Render(Span<byte> frame)
    {
        if (RenderMode != RenderMode.RgbArray)
        {
            throw new EnvException(
                EnvErrorCodes.InvalidArgument,
                $"{Spec.Id} was made without a render_mode: make it with render_mode 'rgb_array' to render frames");
        }
        RenderFrame(frame);
    }

    /// <summary>
    /// Draws the current state whatever the render mode: a recording renders envs its client made without one.
    /// </summary>
    internal void RenderFrame(Span<byte> frame)
    {
        if (!HasReset)
        {
            throw new EnvException(EnvErrorCodes.ResetNeeded, $"{Spec.Id}: call reset before render");
        }
        var renderer = Renderer;
        if (frame.Length != renderer.Shape.ByteSize)
        {
            throw new ArgumentException(
                $"{Spec.Id} frames are {renderer.Shape} ({renderer.Shape.ByteSize} bytes), the buffer has {frame.Length}",
                nameof(frame));
        }
        renderer.Render(frame);
    }

    /// <summary>The renderer that draws this env's state; it reads the state when it draws.</summary>
    private protected abstract FrameRenderer CreateRenderer();

    private void DisposeRenderer()
    {
        _renderer?.Dispose();
        _renderer = null;
    }
}
