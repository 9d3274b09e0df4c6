namespace GymServer.Engine.Nodes;

/// <summary>
/// The node's settings, bound from configuration section <c>Gym:Node</c>: its name (see <see cref="NodeIdentity"/>)
/// and what it admits: envs on the whole node, and envs and steps per connection. One
/// <see cref="Admission.NodeAdmission"/> enforces the limits for TCP sessions, dm_env_rpc streams, the REST API and the envs the node hosts
/// for other nodes of a cluster alike.
/// </summary>
public sealed class NodeOptions
{
    public const string SectionName = "Gym:Node";

    /// <summary>
    /// The node's name, as the dashboard, media metadata, the metrics and the cluster call it; none: the cluster's
    /// older <c>Gym:Cluster:NodeName</c>, else the machine name (<see cref="NodeIdentity.Resolve"/>).
    /// </summary>
    public string? Name { get; set; }

    /// <summary>
    /// Envs the whole node may hold open at once: every client's (a vector env counting each sub-env) and those it hosts
    /// for other nodes; past it, too_many_envs. 0: no limit. Was <c>Gym:Tcp:MaxEnvsPerNode</c>.
    /// </summary>
    public int MaxEnvs { get; set; }

    /// <summary>Envs one connection may hold open at once (a vector env counts as one). Was <c>Gym:Tcp:MaxEnvsPerConnection</c>.</summary>
    public int MaxEnvsPerConnection { get; set; } = 16;

    /// <summary>
    /// Env steps one connection may take per second (a vector step counts each sub-env); past it a step gets
    /// rate_limited and is not run. 0: no limit. Was <c>Gym:Tcp:MaxStepsPerSecond</c>.
    /// </summary>
    public int MaxStepsPerSecond { get; set; }

    /// <summary>
    /// Bytes of replies all the node's TCP connections together may have waiting for their sockets (256 MiB); a
    /// request whose reply would pass it waits until enough has gone out. Each connection has its own cap too,
    /// <c>Gym:Tcp:MaxQueuedReplyBytes</c>.
    /// </summary>
    public long MaxQueuedReplyBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>
    /// How long a TCP connection's queued replies may go without a byte taken by its client while another connection
    /// waits for the node's room (<see cref="MaxQueuedReplyBytes"/>) holding nothing queued; past it the connection
    /// is closed, so clients that do not read cannot hold up those that do. Zero: never (then they can).
    /// </summary>
    public TimeSpan StalledReplyTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
