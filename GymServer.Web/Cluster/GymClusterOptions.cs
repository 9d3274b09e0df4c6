namespace GymServer.Web.Cluster;

/// <summary>The cluster settings, bound from <c>Gym:Cluster</c>. Off by default: a plain single node, no Orleans.</summary>
public sealed class GymClusterOptions
{
    public const string SectionName = "Gym:Cluster";

    /// <summary>Whether this process joins a cluster as an Orleans silo co-hosted with the server.</summary>
    public bool Enabled { get; set; }

    /// <summary>"localhost" (development clustering: one machine, a primary silo) or "redis" (<see cref="Redis"/>).</summary>
    public string Membership { get; set; } = ClusterMembershipKinds.Localhost;

    /// <summary>The StackExchange.Redis connection string of the membership table, for <c>Membership = redis</c>.</summary>
    public string? Redis { get; set; }

    /// <summary>Silo-to-silo port; 0 picks a free one.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Orleans client gateway port (unused by GymServer's own traffic, needed by Orleans); 0 picks a free one.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>For localhost membership: the silo port of the node the others join (its own when left out).</summary>
    public int? PrimarySiloPort { get; set; }

    /// <summary>The address other nodes reach this one at; the loopback address by default (one machine).</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    public string ClusterId { get; set; } = "gymserver";

    public string ServiceId { get; set; } = "gymserver";

    /// <summary>This node's name, the older key of <c>Gym:Node:Name</c> (which wins when both are set); see <see cref="Engine.Nodes.NodeIdentity.Resolve"/>.</summary>
    public string? NodeName { get; set; }

    /// <summary>"local-first" (default: here while the backend has room), "random" or "least-loaded".</summary>
    public string Placement { get; set; } = PlacementPolicies.LocalFirst;

    /// <summary>How often each node asks the others for their capacity.</summary>
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a membership probe may go unanswered. With <see cref="MissedProbesLimit"/> it bounds how soon a dead
    /// node is declared dead (about ProbeTimeout x (MissedProbesLimit + 1)).
    /// </summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Missed probes before a node votes another dead.</summary>
    public int MissedProbesLimit { get; set; } = 2;

    /// <summary>The problems with these settings, empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Membership is not (ClusterMembershipKinds.Localhost or ClusterMembershipKinds.Redis))
        {
            problems.Add($"{SectionName}:Membership must be '{ClusterMembershipKinds.Localhost}' or '{ClusterMembershipKinds.Redis}', not '{Membership}'");
        }
        if (Membership == ClusterMembershipKinds.Redis && string.IsNullOrWhiteSpace(Redis))
        {
            problems.Add($"{SectionName}:Redis must be a Redis connection string (host:port) when Membership is redis");
        }
        if (!PlacementPolicies.All.Contains(Placement))
        {
            problems.Add($"{SectionName}:Placement must be one of {string.Join(", ", PlacementPolicies.All)}, not '{Placement}'");
        }
        if (SiloPort is < 0 or > 65535 || GatewayPort is < 0 or > 65535)
        {
            problems.Add($"{SectionName}:SiloPort and GatewayPort must be ports (0 picks a free one)");
        }
        if (!System.Net.IPAddress.TryParse(AdvertisedAddress, out _))
        {
            problems.Add($"{SectionName}:AdvertisedAddress must be an IP address, not '{AdvertisedAddress}'");
        }
        if (ProbeTimeout <= TimeSpan.Zero || MissedProbesLimit < 1 || SnapshotInterval <= TimeSpan.Zero)
        {
            problems.Add($"{SectionName}:ProbeTimeout and SnapshotInterval must be positive, MissedProbesLimit at least 1");
        }
        return problems;
    }
}
