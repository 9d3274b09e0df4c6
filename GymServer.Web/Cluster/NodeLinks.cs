using System.Collections.Concurrent;

namespace GymServer.Web.Cluster;

/// <summary>
/// This node's links to the others, by silo address. Membership tells it when a node dies or leaves
/// (<see cref="ISiloStatusListener"/>), and a draining node tells it directly; either way the link is marked lost.
/// </summary>
public sealed class NodeLinks(IGrainFactory grains, ILogger<NodeLinks> logger) : ISiloStatusListener
{
    private readonly ConcurrentDictionary<string, NodeLink> _links = new();

    /// <summary>The link to <paramref name="silo"/>; a node already known to be gone gives a lost link.</summary>
    public NodeLink Get(string silo) =>
        _links.GetOrAdd(silo, key => new NodeLink(key, grains.GetGrain<INodeGrain>(key)));

    public void MarkLost(string silo, string reason)
    {
        var link = Get(silo);
        if (link.Reason is null)
        {
            ClusterLog.NodeLost(logger, silo, reason);
        }
        link.MarkLost(reason);
    }

    public void SiloStatusChangeNotification(SiloAddress updatedSilo, SiloStatus status)
    {
        if (status is SiloStatus.Dead or SiloStatus.ShuttingDown or SiloStatus.Stopping)
        {
            var silo = updatedSilo.ToParsableString();
            if (_links.ContainsKey(silo))
            {
                MarkLost(silo, $"node {silo} is {status.ToString().ToLowerInvariant()}");
            }
        }
    }
}
