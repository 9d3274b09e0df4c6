using GymServer.Web.Cluster.Messages;

namespace GymServer.Web.Cluster;

/// <summary>
/// One per node, keyed by the node's silo address and activated on that node (<see cref="NodeKeyPlacementAttribute"/>):
/// the door through which other nodes make and step envs here, read its snapshot, and are told when it leaves.
/// A call for a node that is gone fails instead of activating the grain elsewhere.
/// </summary>
public interface INodeGrain : IGrainWithStringKey
{
    Task<RemoteMakeResponse> MakeAsync(RemoteMakeRequest request);

    Task<RemoteResetResponse> ResetAsync(RemoteResetRequest request);

    Task<RemoteStepResponse> StepAsync(RemoteStepRequest request);

    Task CloseAsync(long handle);

    /// <summary>Prepares a hosted env to render frames (a recording with video starts on the caller's node).</summary>
    Task<RemoteEnvError?> PrepareFramesAsync(long handle);

    /// <summary>A hosted env's current frame, for a recording on the caller's node.</summary>
    Task<RemoteFrameResponse> RenderFrameAsync(long handle);

    Task<NodeSnapshot> GetSnapshotAsync();

    /// <summary>Told by a node that leaves: the envs this node's sessions hold there are gone.</summary>
    Task NodeLeavingAsync(string silo, string reason);
}
