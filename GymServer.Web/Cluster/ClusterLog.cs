namespace GymServer.Web.Cluster;

/// <summary>The cluster's log messages.</summary>
internal static partial class ClusterLog
{
    [LoggerMessage(801, LogLevel.Information, "Cluster node {Name} ({Silo}) joined; placement {Placement}")]
    public static partial void Joined(ILogger logger, string name, string silo, string placement);

    [LoggerMessage(802, LogLevel.Warning, "Node {Silo} lost: {Reason}")]
    public static partial void NodeLost(ILogger logger, string silo, string reason);

    [LoggerMessage(803, LogLevel.Debug, "Hosting {EnvId} as {Handle} for node {Caller}")]
    public static partial void HostedEnvMade(ILogger logger, string envId, long handle, string caller);

    [LoggerMessage(804, LogLevel.Debug, "Node {Silo} did not send its snapshot: {Reason}")]
    public static partial void SnapshotFailed(ILogger logger, string silo, string reason);

    [LoggerMessage(805, LogLevel.Information, "Env {EnvId} placed on node {Silo}")]
    public static partial void PlacedRemotely(ILogger logger, string envId, string silo);

    [LoggerMessage(806, LogLevel.Information, "Draining: telling {Callers} node(s) and closing {Envs} hosted env(s)")]
    public static partial void Draining(ILogger logger, int callers, int envs);

    [LoggerMessage(807, LogLevel.Warning, "Node {Silo} could not be told that this node leaves: {Reason}")]
    public static partial void LeaveNoticeFailed(ILogger logger, string silo, string reason);

    [LoggerMessage(808, LogLevel.Warning, "Hosted env {Handle} failed to close ({Code}: {Message}); dropped")]
    public static partial void HostedCloseFailed(ILogger logger, long handle, string code, string message);

    [LoggerMessage(809, LogLevel.Information, "Node {Silo} is {Status}: closing the envs hosted for it")]
    public static partial void CallerGone(ILogger logger, string silo, SiloStatus status);
}
