using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace GymServer.Web.DmEnvRpc;

/// <summary>
/// The dm_env_rpc endpoint's listeners: for the log, for tests (the port picked for port 0, once bound), and to keep
/// the gRPC service on its own port and the HTTP routes off it.
/// </summary>
public sealed class DmEnvRpcEndpoints
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
        : throw new InvalidOperationException("the dm_env_rpc endpoint is not bound to an IP endpoint");

    /// <summary>Whether a connection on local port <paramref name="port"/> came in through this endpoint.</summary>
    public bool Serves(int port)
    {
        lock (_listeners)
        {
            return _listeners.Exists(listener => listener.EndPoint is IPEndPoint endPoint && endPoint.Port == port);
        }
    }
}
