using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GymServer.LoadGen;

/// <summary>
/// One lockstep client connection: send a request, read its reply up to "\r\n\r\n". Blocking calls on a thread of
/// its own: the least client-side overhead per round trip, so the comparison with the floor is as sharp as it can be.
/// </summary>
public sealed class LineConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    private LineConnection(Socket socket)
    {
        _socket = socket;
    }

    public static LineConnection Connect(string host, int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Connect(IPAddress.Parse(host), port);
        return new LineConnection(socket);
    }

    /// <summary>Sends a request line (with its terminator) and returns its reply body.</summary>
    public ReadOnlyMemory<byte> RoundTrip(ReadOnlySpan<byte> request)
    {
        Send(request);
        return ReadReply();
    }

    public void Send(ReadOnlySpan<byte> request)
    {
        while (!request.IsEmpty)
        {
            request = request[_socket.Send(request, SocketFlags.None)..];
        }
    }

    public ReadOnlyMemory<byte> ReadReply()
    {
        while (true)
        {
            var end = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                var body = _buffer.AsMemory(_start, end);
                _start += end + 4;
                return body;
            }
            if (_start > 0)
            {
                // Keep the partial reply at the front of the buffer.
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                _end -= _start;
                _start = 0;
            }
            var read = _socket.Receive(_buffer.AsSpan(_end), SocketFlags.None);
            if (read == 0)
            {
                throw new IOException($"the server closed the connection (partial reply: {Encoding.UTF8.GetString(_buffer, 0, _end)})");
            }
            _end += read;
        }
    }

    public void Dispose() => _socket.Dispose();
}
