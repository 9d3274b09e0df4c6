using System.Net;
using System.Net.Sockets;

namespace GymServer.Tests.Functional.Cluster;

/// <summary>Free loopback ports for processes that must be told their port on the command line.</summary>
public static class TestPorts
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
