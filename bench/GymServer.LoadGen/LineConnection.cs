using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GymServer.LoadGen;

/// <summary>One lockstep client connection: send a request, read its reply up to "\r\n\r\n".</summary>
public sealed class LineConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    private LineConnection(Socket socket)
    {
        _socket = socket;
    }

    public static async Task<LineConnection> ConnectAsync(string host, int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(IPAddress.Parse(host), port);
        return new LineConnection(socket);
    }

    /// <summary>Sends a request line (with its terminator) and returns its reply body.</summary>
    public async ValueTask<ReadOnlyMemory<byte>> RoundTripAsync(ReadOnlyMemory<byte> request)
    {
        await SendAsync(request);
        return await ReadReplyAsync();
    }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> request)
    {
        while (!request.IsEmpty)
        {
            var sent = await _socket.SendAsync(request, SocketFlags.None);
            request = request[sent..];
        }
    }

    public async ValueTask<ReadOnlyMemory<byte>> ReadReplyAsync()
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
            var read = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None);
            if (read == 0)
            {
                throw new IOException($"the server closed the connection (partial reply: {Encoding.UTF8.GetString(_buffer, 0, _end)})");
            }
            _end += read;
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
