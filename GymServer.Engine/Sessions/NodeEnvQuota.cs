namespace GymServer.Engine.Sessions;

/// <summary>
/// The node's envs counted against one limit (<c>Gym:Tcp:MaxEnvsPerNode</c>), shared by every session of the node.
/// A vector env takes one place per sub-env: the limit is about the memory and workers envs hold, not about ids.
/// </summary>
public sealed class NodeEnvQuota
{
    private long _count;

    /// <param name="max">Envs the node may hold open at once; 0 or less means no limit.</param>
    public NodeEnvQuota(int max)
    {
        Max = max;
    }

    public int Max { get; }

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Takes <paramref name="envs"/> places; false (nothing taken) when that would pass the limit.</summary>
    public bool TryAcquire(int envs)
    {
        var count = Interlocked.Add(ref _count, envs);
        if (Max <= 0 || count <= Max)
        {
            return true;
        }
        Interlocked.Add(ref _count, -envs);
        return false;
    }

    public void Release(int envs) => Interlocked.Add(ref _count, -envs);
}
