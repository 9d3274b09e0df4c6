namespace GymServer.Web.Cluster;

/// <summary>Places a grain on the silo its string key names (a silo address in parsable form), nowhere else.</summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking]
public sealed class NodeKeyPlacement : PlacementStrategy
{
    public static readonly NodeKeyPlacement Instance = new();
}
