namespace GymServer.Web.Dashboard;

/// <summary>
/// One node's state at an instant, as the dashboard and the <c>snapshot</c> hub message show it. Per node, so a
/// cluster view can list several side by side.
/// </summary>
/// <param name="Node">The node's name (<see cref="Engine.Nodes.NodeIdentity"/>).</param>
/// <param name="At">When it was taken (UTC).</param>
/// <param name="StartedAt">When the node started (UTC).</param>
/// <param name="Connections">Open client connections: TCP connections and dm_env_rpc streams.</param>
/// <param name="Sessions">Open sessions.</param>
/// <param name="EnvsByBackend">Open envs per backend ("native", "python").</param>
/// <param name="Steps">Env steps since start.</param>
/// <param name="Episodes">Finished episodes since start.</param>
/// <param name="StepsPerSecond">Steps per second since the previous snapshot.</param>
/// <param name="EpisodesPerSecond">Episodes per second since the previous snapshot.</param>
/// <param name="Python">The Python worker pool.</param>
/// <param name="Replies">TCP replies waiting for their clients, against the caps.</param>
public sealed record NodeSnapshot(
    string Node,
    DateTimeOffset At,
    DateTimeOffset StartedAt,
    long Connections,
    long Sessions,
    IReadOnlyDictionary<string, long> EnvsByBackend,
    long Steps,
    long Episodes,
    double StepsPerSecond,
    double EpisodesPerSecond,
    PythonSnapshot Python,
    ReplyQueueSnapshot Replies)
{
    public TimeSpan Uptime => At - StartedAt;

    public long Envs => EnvsByBackend.Values.Sum();
}

/// <summary>Reply bytes the node's TCP connections hold for their clients (<see cref="Tcp.ReplyMemory"/>).</summary>
/// <param name="QueuedBytes">Bytes queued now, all connections.</param>
/// <param name="NodeCapacity">The node's cap.</param>
/// <param name="PausedConnections">Connections not reading requests now because their next reply would pass a cap.</param>
/// <param name="StalledCloses">Connections closed since start because their clients left replies untaken while others waited.</param>
public sealed record ReplyQueueSnapshot(long QueuedBytes, long NodeCapacity, long PausedConnections, long StalledCloses)
{
    public static ReplyQueueSnapshot From(Tcp.ReplyMemory memory) =>
        new(memory.QueuedBytes, memory.NodeCapacity, memory.PausedConnections, memory.StalledCloses);
}
