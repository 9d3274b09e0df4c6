namespace GymServer.Web.Cluster;

/// <summary>
/// Another node as this node's sessions see it: its grain, and whether it is lost. Losing it cancels
/// <see cref="Lost"/>, which ends calls still waiting for it, so their sessions get node_lost at once.
/// </summary>
public sealed class NodeLink(string silo, INodeGrain grain)
{
    private readonly CancellationTokenSource _lost = new();
    private volatile string? _reason;

    public string Silo { get; } = silo;

    public INodeGrain Grain { get; } = grain;

    public CancellationToken Lost => _lost.Token;

    /// <summary>Why the node is lost, or null while it serves.</summary>
    public string? Reason => _reason;

    public void MarkLost(string reason)
    {
        if (_reason is not null)
        {
            return;
        }
        _reason = reason;
        _lost.Cancel();
    }
}
