using GymServer.Web.Cluster.Messages;

namespace GymServer.Web.Cluster;

/// <summary>Every node of the cluster with its latest snapshot (just this node when the cluster is off): for placement and the dashboard.</summary>
public interface INodeDirectory
{
    /// <summary>This node first, then the others in the order membership lists them.</summary>
    IReadOnlyList<NodeSnapshot> Nodes { get; }
}
