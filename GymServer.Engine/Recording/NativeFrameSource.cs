using GymServer.Engine.Environments;

namespace GymServer.Engine.Recording;

/// <summary>
/// Frames of a C# env, drawn by its renderer whatever render_mode it was made with (recording needs frames, the
/// client's own render calls still follow its render_mode). One buffer, reused: a frame allocates nothing.
/// </summary>
internal sealed class NativeFrameSource(NativeEnv env) : FrameSource
{
    private byte[]? _frame;

    public override ValueTask<RenderedFrame> RenderAsync(CancellationToken cancellationToken)
    {
        var shape = env.FrameShape;
        if (_frame is null || _frame.Length != shape.ByteSize)
        {
            _frame = new byte[shape.ByteSize];
        }
        env.RenderFrame(_frame);
        return new ValueTask<RenderedFrame>(new RenderedFrame(shape, _frame));
    }
}
