namespace GymServer.Web.Cluster;

/// <summary>The values of <c>Gym:Cluster:Placement</c>.</summary>
public static class PlacementPolicies
{
    /// <summary>Here while this node's backend has room; another node only when it is full.</summary>
    public const string LocalFirst = "local-first";

    /// <summary>Any node with room, this one included, chosen at random (the original server's way).</summary>
    public const string Random = "random";

    /// <summary>The node with the most room (free Python slots; fewest envs for native ones), this one included.</summary>
    public const string LeastLoaded = "least-loaded";

    public static readonly IReadOnlyList<string> All = [LocalFirst, Random, LeastLoaded];
}
