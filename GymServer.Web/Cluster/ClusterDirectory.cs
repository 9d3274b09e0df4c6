using GymServer.Web.Cluster.Messages;

namespace GymServer.Web.Cluster;

/// <summary>
/// Keeps every active node's snapshot, asked for every <see cref="GymClusterOptions.SnapshotInterval"/> through its
/// node grain: how nodes publish their capacity to each other. A node that does not answer in time keeps its last
/// snapshot until membership drops it.
/// </summary>
public sealed class ClusterDirectory(
    GymClusterOptions options,
    LocalNode local,
    NodeLinks links,
    IClusterMembershipService membership,
    ILogger<ClusterDirectory> logger) : INodeDirectory
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(2);
    private volatile IReadOnlyList<NodeSnapshot> _others = [];

    public IReadOnlyList<NodeSnapshot> Nodes => [local.Snapshot(), .. _others];

    /// <summary>The other nodes' snapshots only.</summary>
    public IReadOnlyList<NodeSnapshot> Others => _others;

    public async Task RunAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(options.SnapshotInterval);
        do
        {
            await RefreshAsync().ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false));
    }

    public async Task RefreshAsync()
    {
        var self = local.Silo;
        var previous = _others.ToDictionary(snapshot => snapshot.Silo);
        var active = membership.CurrentSnapshot.Members.Values
            .Where(member => member.Status == SiloStatus.Active)
            .Select(member => member.SiloAddress.ToParsableString())
            .Where(silo => silo != self)
            .ToList();
        var asked = await Task.WhenAll(active.Select(silo => AskAsync(silo, previous.GetValueOrDefault(silo)))).ConfigureAwait(false);
        _others = [.. asked.OfType<NodeSnapshot>()];
    }

    private async Task<NodeSnapshot?> AskAsync(string silo, NodeSnapshot? previous)
    {
        var link = links.Get(silo);
        if (link.Reason is not null)
        {
            return null;
        }
        try
        {
            return await link.Grain.GetSnapshotAsync().WaitAsync(AskTimeout).ConfigureAwait(false);
        }
        catch (Exception error) when (error is OrleansException or TimeoutException)
        {
            ClusterLog.SnapshotFailed(logger, silo, error.Message);
            return previous;
        }
    }
}
