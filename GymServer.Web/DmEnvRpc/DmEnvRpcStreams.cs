using Microsoft.Extensions.Options;

namespace GymServer.Web.DmEnvRpc;

/// <summary>Counts the node's open dm_env_rpc streams against <see cref="DmEnvRpcOptions.MaxStreams"/>.</summary>
public sealed class DmEnvRpcStreams(IOptions<DmEnvRpcOptions> options)
{
    private int _count;

    public int Max { get; } = options.Value.MaxStreams;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Takes a place for a stream; false when the node is full.</summary>
    public bool TryAcquire()
    {
        if (Interlocked.Increment(ref _count) <= Max)
        {
            return true;
        }
        Interlocked.Decrement(ref _count);
        return false;
    }

    public void Release() => Interlocked.Decrement(ref _count);
}
