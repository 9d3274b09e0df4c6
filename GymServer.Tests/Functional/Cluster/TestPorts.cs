using System.Net;
using System.Net.Sockets;

namespace GymServer.Tests.Functional.Cluster;

/// <summary>
/// Free loopback ports for processes that must be told their port on the command line. They are taken below the
/// kernel's ephemeral range (32768 and up on Linux): a port handed out there could be given to another test's outgoing
/// connection before the process binds it, and the node would then fail to start. Each port is handed out once per
/// test run, and only after a bind showed it free.
/// </summary>
public static class TestPorts
{
    private const int First = 20_000;
    private const int Last = 32_000;
    private static readonly Lock Gate = new();
    private static int _next = First + Random.Shared.Next(Last - First);

    public static int Free()
    {
        lock (Gate)
        {
            for (var tried = 0; tried < Last - First; tried++)
            {
                var port = _next;
                _next = _next + 1 >= Last ? First : _next + 1;
                if (IsFree(port))
                {
                    return port;
                }
            }
        }
        throw new InvalidOperationException($"no free loopback port between {First} and {Last}");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
