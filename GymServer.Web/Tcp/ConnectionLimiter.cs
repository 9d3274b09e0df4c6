using Microsoft.Extensions.Options;

namespace GymServer.Web.Tcp;

/// <summary>Counts the node's open TCP connections against <see cref="GymTcpOptions.MaxConnections"/>.</summary>
public sealed class ConnectionLimiter(IOptions<GymTcpOptions> options)
{
    private readonly int _max = options.Value.MaxConnections;
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public int Max => _max;

    /// <summary>Takes a place for a connection; false when the node is full.</summary>
    public bool TryAcquire()
    {
        if (Interlocked.Increment(ref _count) <= _max)
        {
            return true;
        }
        Interlocked.Decrement(ref _count);
        return false;
    }

    public void Release() => Interlocked.Decrement(ref _count);
}
