using System.Net;
using System.Net.Sockets;

namespace GymServer.Web.Cluster;

/// <summary>
/// Picks a free TCP port for a port configured as 0. Orleans advertises its ports in the membership table before
/// it listens, so it needs a number up front: the OS picks one, the socket is closed, Orleans binds it right after.
/// </summary>
public static class FreePort
{
    public static int Pick(IPAddress address)
    {
        using var listener = new TcpListener(address, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
