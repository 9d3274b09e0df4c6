using GymServer.Engine.Environments;
using GymServer.Web.Cluster.Messages;

namespace GymServer.Web.Cluster;

/// <summary>
/// Frames of hosted envs, for the recordings their sessions run on the caller's node: the video is made and kept
/// there, where the client asked for it; this node only renders.
/// </summary>
public sealed partial class HostedEnvs
{
    public async Task<RemoteEnvError?> PrepareFramesAsync(long handle)
    {
        if (Find(handle, out var env) is { } missing)
        {
            return missing;
        }
        try
        {
            await env.Instance.PrepareFramesAsync(CancellationToken.None);
            return null;
        }
        catch (EnvException error)
        {
            return new RemoteEnvError(error.Code, error.Message);
        }
    }

    public async Task<RemoteFrameResponse> RenderFrameAsync(long handle)
    {
        if (Find(handle, out var env) is { } missing)
        {
            return RemoteFrameResponse.Failed(missing);
        }
        try
        {
            var frame = await env.Instance.RenderFrameAsync(CancellationToken.None);
            return new RemoteFrameResponse(frame.Shape.Height, frame.Shape.Width, frame.Pixels.ToArray(), null);
        }
        catch (EnvException error)
        {
            return RemoteFrameResponse.Failed(new RemoteEnvError(error.Code, error.Message));
        }
    }
}
