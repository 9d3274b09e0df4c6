namespace GymServer.Web.Dashboard;

/// <summary>
/// The in-process side of the stats hub: the Blazor components (rendered on the server) subscribe here to the same
/// batches and snapshots the hub sends to external SignalR clients, at the same rate.
/// </summary>
public sealed class DashboardFeed
{
    private volatile NodeSnapshot? _latest;

    /// <summary>A batch of ended episodes, a few times a second at most.</summary>
    public event Action<EpisodeBatch>? EpisodesArrived;

    /// <summary>A node snapshot, about once a second.</summary>
    public event Action<NodeSnapshot>? SnapshotArrived;

    /// <summary>The last snapshot published, if any yet.</summary>
    public NodeSnapshot? Latest => _latest;

    public void Publish(EpisodeBatch batch) => EpisodesArrived?.Invoke(batch);

    public void Publish(NodeSnapshot snapshot)
    {
        _latest = snapshot;
        SnapshotArrived?.Invoke(snapshot);
    }
}
