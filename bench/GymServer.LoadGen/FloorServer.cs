using System.Net;
using System.Net.Sockets;

namespace GymServer.LoadGen;

/// <summary>
/// The floor: a bare loopback ping-pong server that answers every request line with fixed bytes of the same size as
/// the real reply, doing nothing else. One thread per connection with blocking calls, the cheapest way to answer a
/// lockstep client; it runs in a child process of its own, as the real server does.
/// </summary>
public static class FloorServer
{
    public static void Run(byte[] reply)
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(4096);
        Console.WriteLine($"PORT {((IPEndPoint)listener.LocalEndPoint!).Port}");
        while (true)
        {
            var client = listener.Accept();
            client.NoDelay = true;
            new Thread(() => Serve(client, reply)) { IsBackground = true }.Start();
        }
    }

    private static void Serve(Socket client, byte[] reply)
    {
        using (client)
        {
            var buffer = new byte[64 * 1024];
            try
            {
                while (true)
                {
                    var read = client.Receive(buffer, SocketFlags.None);
                    if (read == 0)
                    {
                        return;
                    }
                    // One reply per request line received.
                    var lines = buffer.AsSpan(0, read).Count((byte)'\n');
                    for (var i = 0; i < lines; i++)
                    {
                        client.Send(reply, SocketFlags.None);
                    }
                }
            }
            catch (SocketException)
            {
                // The load generator went away.
            }
        }
    }
}
