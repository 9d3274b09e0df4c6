using GymServer.Engine.Environments;
using GymServer.Engine.Rendering;
using GymServer.Protocol;

namespace GymServer.Engine.Python;

/// <summary>Frames for recordings: the env's own <c>render()</c> in the worker, its bytes sent back raw.</summary>
public sealed partial class PythonEnvInstance
{
    /// <summary>
    /// Makes sure <c>render()</c> gives rgb_array frames: an env made without that render mode is made again with it,
    /// in the same worker with the same id, kwargs and wrappers, and the old one closed. Its state is lost with it, so the next
    /// step needs a reset (as after gym's Monitor wrapped an env).
    /// </summary>
    public async ValueTask PrepareFramesAsync(CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        if (RenderMode == RenderModes.RgbArrayName)
        {
            return;
        }
        var handle = _worker.NextHandle();
        var make = new BufferedCall(WorkerCommand.Make, handle);
        await _worker.CallAsync(make, WorkerRequests.Make(_id, _kwargs, _wrappers, RenderModes.RgbArrayName), ReadOnlyMemory<byte>.Empty, cancellationToken)
            .ConfigureAwait(false);
        var old = _handle;
        var (oldObservations, oldFrames) = await SwitchHandleAsync(handle).ConfigureAwait(false);
        RenderMode = RenderModes.RgbArrayName;
        try
        {
            var close = new BufferedCall(WorkerCommand.Close, old);
            await _worker.CallAsync(close, ReadOnlyMemory<byte>.Empty, ReadOnlyMemory<byte>.Empty, CancellationToken.None).ConfigureAwait(false);
        }
        catch (EnvException error) when (error.Code == EnvErrorCodes.EnvError)
        {
            // The old env's close() raised: the worker dropped it anyway, and the new one is in place.
        }
        finally
        {
            _worker.ReleaseSlot(oldObservations);
            _worker.ReleaseSlot(oldFrames);
        }
    }

    /// <summary>The env's <c>render()</c> as a frame; it must have been made with render_mode rgb_array.</summary>
    public async ValueTask<RenderedFrame> RenderFrameAsync(CancellationToken cancellationToken)
    {
        var render = await RenderAsync(cancellationToken).ConfigureAwait(false);
        if (render.Kind != PythonRender.ArrayKind || render.DType != "uint8" || render.Shape is not [var height, var width, FrameShape.Channels])
        {
            throw new EnvException(EnvErrorCodes.EnvError,
                $"{Spec.Id} render() returned {render.Kind} {render.DType} {string.Join('x', render.Shape)}, not an rgb_array frame (uint8, height x width x 3)");
        }
        var shape = new FrameShape(height, width);
        if (render.Data.Length != shape.ByteSize)
        {
            throw new EnvException(EnvErrorCodes.EnvError, $"{Spec.Id} sent {render.Data.Length} bytes for a {shape} frame");
        }
        return new RenderedFrame(shape, render.Data);
    }
}
