using GymServer.Web.Cluster.Messages;

namespace GymServer.Web.Cluster;

/// <summary>The directory of a node outside any cluster: itself.</summary>
public sealed class SingleNodeDirectory(LocalNode local) : INodeDirectory
{
    public IReadOnlyList<NodeSnapshot> Nodes => [local.Snapshot()];
}
