using Orleans.Placement;

namespace GymServer.Web.Cluster;

/// <summary>Marks a grain class as placed by <see cref="NodeKeyPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class NodeKeyPlacementAttribute() : PlacementAttribute(NodeKeyPlacement.Instance);
