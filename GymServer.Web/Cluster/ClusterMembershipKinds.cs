namespace GymServer.Web.Cluster;

/// <summary>The values of <c>Gym:Cluster:Membership</c>.</summary>
public static class ClusterMembershipKinds
{
    /// <summary>Orleans development clustering: every node on one machine, joined through a primary silo.</summary>
    public const string Localhost = "localhost";

    /// <summary>A membership table in Redis: nodes on any machines that reach it.</summary>
    public const string Redis = "redis";
}
