using Orleans.Runtime.Placement;

namespace GymServer.Web.Cluster;

/// <summary>
/// Activates a node grain on the silo named by its key. When that silo is no longer in the cluster the activation
/// fails: an env that lived there cannot come back to life somewhere else, so its session must see the loss.
/// </summary>
public sealed class NodeKeyPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var key = target.GrainIdentity.Key.ToString();
        foreach (var silo in context.GetCompatibleSilos(target))
        {
            if (silo.ToParsableString() == key)
            {
                return Task.FromResult(silo);
            }
        }
        throw new SiloUnavailableException($"node {key} is not in the cluster");
    }
}
