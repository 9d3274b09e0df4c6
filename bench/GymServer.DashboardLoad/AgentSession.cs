using System.Net.Sockets;
using System.Text;

namespace GymServer.DashboardLoad;

/// <summary>One protocol-1 session on its own TCP connection with a CartPole-v1 env, played pushing left.</summary>
public sealed class AgentSession : IAsyncDisposable
{
    private static readonly byte[] Make = Encoding.UTF8.GetBytes("{\"env\":{\"name\":\"CartPole-v1\"}}\r\n");
    private static readonly byte[] Reset = Encoding.UTF8.GetBytes("{\"env\":{\"action\":\"reset\"}}\r\n");
    private static readonly byte[] Step = Encoding.UTF8.GetBytes("{\"step\":{\"action\":0,\"render\":0}}\r\n");
    private static readonly byte[] DoneTrue = Encoding.UTF8.GetBytes("\"done\":true");

    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _filled;

    private AgentSession(Socket socket)
    {
        _socket = socket;
    }

    public static async Task<AgentSession> OpenAsync(string host, int port)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(host, port);
        var session = new AgentSession(socket);
        await session.RequestAsync(Make);
        return session;
    }

    /// <summary>Plays one episode; returns its steps.</summary>
    public async Task<int> PlayEpisodeAsync()
    {
        await RequestAsync(Reset);
        var steps = 0;
        while (true)
        {
            var reply = await RequestAsync(Step);
            steps++;
            if (reply.AsSpan().IndexOf(DoneTrue) >= 0)
            {
                return steps;
            }
        }
    }

    /// <summary>Sends a line and reads its reply, which ends with an empty line ("\r\n\r\n").</summary>
    private async Task<byte[]> RequestAsync(byte[] request)
    {
        await _socket.SendAsync(request, SocketFlags.None);
        while (true)
        {
            var end = _buffer.AsSpan(0, _filled).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                var reply = _buffer.AsSpan(0, end).ToArray();
                _buffer.AsSpan(end + 4, _filled - end - 4).CopyTo(_buffer);
                _filled -= end + 4;
                if (reply.AsSpan().IndexOf("\"error\""u8) >= 0)
                {
                    throw new InvalidOperationException($"server error: {Encoding.UTF8.GetString(reply)}");
                }
                return reply;
            }
            var read = await _socket.ReceiveAsync(_buffer.AsMemory(_filled), SocketFlags.None);
            if (read == 0)
            {
                throw new EndOfStreamException("the server closed the connection");
            }
            _filled += read;
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
