using Orleans.Concurrency;
using GymServer.Web.Cluster.Messages;

namespace GymServer.Web.Cluster;

/// <summary>
/// Stateless front of this node's <see cref="HostedEnvs"/> and <see cref="NodeLinks"/>: envs live in those
/// singletons, so the grain may be deactivated at any time. Reentrant, because every remote session's steps come
/// through this one activation; each env is stepped by one session, one request at a time.
/// </summary>
[Reentrant]
[NodeKeyPlacement]
public sealed class NodeGrain(HostedEnvs hosted, NodeLinks links, LocalNode local) : Grain, INodeGrain
{
    public Task<RemoteMakeResponse> MakeAsync(RemoteMakeRequest request) => hosted.MakeAsync(request);

    public Task<RemoteResetResponse> ResetAsync(RemoteResetRequest request) => hosted.ResetAsync(request);

    public Task<RemoteStepResponse> StepAsync(RemoteStepRequest request) => hosted.StepAsync(request);

    public Task CloseAsync(long handle) => hosted.CloseAsync(handle);

    public Task<RemoteEnvError?> PrepareFramesAsync(long handle) => hosted.PrepareFramesAsync(handle);

    public Task<RemoteFrameResponse> RenderFrameAsync(long handle) => hosted.RenderFrameAsync(handle);

    public Task<NodeSnapshot> GetSnapshotAsync() => Task.FromResult(local.Snapshot());

    public Task NodeLeavingAsync(string silo, string reason)
    {
        links.MarkLost(silo, reason);
        return Task.CompletedTask;
    }
}
