using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace GymServer.ClusterBench;

/// <summary>
/// One protocol-2 connection with one env, stepping in lockstep (the next request only after the reply), with
/// alternating actions and a reset when an episode ends (not counted). Blocking calls on its own thread.
/// </summary>
public sealed class LockstepClient : IDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly List<long> _latencies = new(1 << 20);
    private readonly byte[][] _steps;
    private readonly byte[] _reset;
    private int _start;
    private int _end;
    private volatile bool _measuring;

    private LockstepClient(Socket socket, string instance)
    {
        _socket = socket;
        _steps = [Line($"{{\"step\":{{\"instance\":\"{instance}\",\"action\":0}}}}"), Line($"{{\"step\":{{\"instance\":\"{instance}\",\"action\":1}}}}")];
        _reset = Line($"{{\"reset\":{{\"instance\":\"{instance}\"}}}}");
    }

    public IReadOnlyList<long> Latencies => _latencies;

    public static LockstepClient Open(int port, string envId)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Connect(IPAddress.Loopback, port);
        var probe = new LockstepClient(socket, "");
        probe.Request(Line("{\"server\":{\"protocol\":2}}"));
        using var made = JsonDocument.Parse(probe.Request(Line($"{{\"make\":{{\"id\":\"{envId}\"}}}}")));
        var instance = made.RootElement.TryGetProperty("instance", out var id)
            ? id.GetString()!
            : throw new InvalidOperationException($"make failed: {made.RootElement.GetRawText()}");
        var client = new LockstepClient(socket, instance);
        client.Request(Line($"{{\"reset\":{{\"instance\":\"{instance}\",\"seed\":0}}}}"));
        return client;
    }

    public void StartMeasuring() => _measuring = true;

    public void Run(CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var reply = Request(_steps[i & 1]);
            var ticks = Stopwatch.GetTimestamp() - started;
            if (_measuring)
            {
                _latencies.Add(ticks);
            }
            if (reply.Contains("\"terminated\":true", StringComparison.Ordinal) || reply.Contains("\"truncated\":true", StringComparison.Ordinal))
            {
                Request(_reset);
            }
            else if (reply.Contains("\"error\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"step failed: {reply}");
            }
        }
    }

    public void Dispose() => _socket.Dispose();

    private static byte[] Line(string json) => Encoding.ASCII.GetBytes(json + "\n");

    /// <summary>Sends a line and returns the next non-empty reply line.</summary>
    private string Request(byte[] line)
    {
        _socket.Send(line);
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var text = Encoding.UTF8.GetString(_buffer, _start, newline - _start).Trim();
                _start = newline + 1;
                if (text.Length > 0)
                {
                    return text;
                }
                continue;
            }
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            var read = _socket.Receive(_buffer, _end, _buffer.Length - _end, SocketFlags.None);
            if (read == 0)
            {
                throw new EndOfStreamException("the server closed the connection");
            }
            _end += read;
        }
    }
}
