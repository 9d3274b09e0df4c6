using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace GymServer.Web;

/// <summary>
/// The Kestrel listeners of one of the server's own endpoints (the TCP protocol's, dm_env_rpc's), kept as Kestrel is
/// configured so the log and tests can learn the port picked for port 0 once bound. One subclass per endpoint keeps
/// them apart in dependency injection.
/// </summary>
/// <param name="name">What the endpoint is called in errors ("the TCP listener").</param>
public abstract class BoundListeners(string name)
{
    private readonly List<ListenOptions> _listeners = [];

    public void Add(ListenOptions listener)
    {
        lock (_listeners)
        {
            _listeners.Add(listener);
        }
    }

    /// <summary>The bound endpoints (after the server started: with their real ports).</summary>
    public IReadOnlyList<EndPoint> EndPoints
    {
        get
        {
            lock (_listeners)
            {
                return [.. _listeners.Select(listener => listener.EndPoint)];
            }
        }
    }

    /// <summary>The port of the first endpoint.</summary>
    public int Port => EndPoints is [IPEndPoint endPoint, ..]
        ? endPoint.Port
        : throw new InvalidOperationException($"{name} is not bound to an IP endpoint");

    /// <summary>Whether a connection on local port <paramref name="port"/> came in through these listeners.</summary>
    public bool Serves(int port)
    {
        lock (_listeners)
        {
            return _listeners.Exists(listener => listener.EndPoint is IPEndPoint endPoint && endPoint.Port == port);
        }
    }
}
