using GymServer.Engine.Environments;
using GymServer.Engine.Python;
using GymServer.Engine.Rendering;
using GymServer.Protocol;

namespace GymServer.Engine.Recording;

/// <summary>
/// Frames of a Python env: its <c>render()</c> in the worker (the env must have been made with
/// render_mode rgb_array), the frame's bytes sent back raw.
/// </summary>
internal sealed class PythonFrameSource(PythonEnvInstance env) : FrameSource
{
    public override async ValueTask<RenderedFrame> RenderAsync(CancellationToken cancellationToken)
    {
        var render = await env.RenderAsync(cancellationToken).ConfigureAwait(false);
        if (render.Kind != PythonRender.ArrayKind || render.DType != "uint8" || render.Shape is not [var height, var width, FrameShape.Channels])
        {
            throw new EnvException(EnvErrorCodes.EnvError,
                $"{env.Spec.Id} render() returned {render.Kind} {render.DType} {string.Join('x', render.Shape)}, not an rgb_array frame (uint8, height x width x 3)");
        }
        var shape = new FrameShape(height, width);
        if (render.Data.Length != shape.ByteSize)
        {
            throw new EnvException(EnvErrorCodes.EnvError, $"{env.Spec.Id} sent {render.Data.Length} bytes for a {shape} frame");
        }
        return new RenderedFrame(shape, render.Data);
    }
}
