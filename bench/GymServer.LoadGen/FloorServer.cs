using System.Net;
using System.Net.Sockets;

namespace GymServer.LoadGen;

/// <summary>
/// The floor: a bare loopback ping-pong server that answers every request line with fixed bytes of the same size as
/// the real reply, doing nothing else, in a child process of its own as the real server is. One thread per connection.
/// While at most <c>spinLimit</c> connections are open, each thread spins on its non-blocking socket (polls without
/// ever sleeping), the fastest a server can answer: a blocking thread sleeps between requests and the wake-up of an
/// idle core is then in every round trip. Above the limit the threads block in <c>poll</c>, since spinning threads
/// beyond the cores only take them from each other and from the clients.
/// </summary>
public static class FloorServer
{
    private static int _open;

    public static void Run(byte[] reply, int spinLimit)
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(4096);
        Console.WriteLine($"PORT {((IPEndPoint)listener.LocalEndPoint!).Port}");
        while (true)
        {
            var client = listener.Accept();
            client.NoDelay = true;
            client.Blocking = false;
            Interlocked.Increment(ref _open);
            new Thread(() => Serve(client, reply, spinLimit)) { IsBackground = true }.Start();
        }
    }

    private static void Serve(Socket client, byte[] reply, int spinLimit)
    {
        using (client)
        {
            var buffer = new byte[64 * 1024];
            try
            {
                while (true)
                {
                    var read = client.Receive(buffer, 0, buffer.Length, SocketFlags.None, out var error);
                    if (error == SocketError.WouldBlock)
                    {
                        if (Volatile.Read(ref _open) > spinLimit)
                        {
                            client.Poll(-1, SelectMode.SelectRead);
                        }
                        continue;
                    }
                    if (error != SocketError.Success || read == 0)
                    {
                        return;
                    }
                    // One reply per request line received.
                    var lines = buffer.AsSpan(0, read).Count((byte)'\n');
                    for (var i = 0; i < lines; i++)
                    {
                        Send(client, reply);
                    }
                }
            }
            catch (SocketException)
            {
                // The load generator went away.
            }
            finally
            {
                Interlocked.Decrement(ref _open);
            }
        }
    }

    private static void Send(Socket client, ReadOnlySpan<byte> reply)
    {
        while (!reply.IsEmpty)
        {
            var sent = client.Send(reply, SocketFlags.None, out var error);
            if (error == SocketError.WouldBlock)
            {
                client.Poll(-1, SelectMode.SelectWrite);
                continue;
            }
            if (error != SocketError.Success)
            {
                throw new SocketException((int)error);
            }
            reply = reply[sent..];
        }
    }
}
