using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace GymServer.Web.Tcp;

/// <summary>The TCP listener's endpoints, so tests and logs can learn the port picked for port 0 once bound.</summary>
public sealed class TcpEndpoints
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
        : throw new InvalidOperationException("the TCP listener is not bound to an IP endpoint");
}
