using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace GymServer.Bench.Vector;

/// <summary>
/// One protocol-2 connection with one vector env, stepped in lockstep with blocking socket calls. Requests are built
/// before the clock starts (a table of action sets, cycled); replies are framed but not decoded field by field, so
/// the client costs as little as it can on the cores it shares with the server.
/// </summary>
public sealed class VectorClient : IDisposable
{
    private const int ActionSets = 64;
    private readonly Socket _socket;
    private readonly byte[][] _requests;
    private byte[] _buffer = new byte[1 << 20];
    private int _next;

    public VectorClient(string host, int port, bool binary, int numEnvs, string envId)
    {
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        _socket.Connect(host, port);
        Binary = binary;
        NumEnvs = numEnvs;
        Json($"{{\"server\":{{\"protocol\":2,\"encoding\":\"{(binary ? "binary" : "json")}\"}}}}");
        var made = Json(JsonSerializer.Serialize(new { make_vec = new { id = envId, num_envs = numEnvs } }));
        Instance = made.GetProperty("instance").GetString()
            ?? throw new InvalidOperationException($"make_vec failed: {made}");
        Json(JsonSerializer.Serialize(new { reset_vec = new { instance = Instance, seed = 0 } }));
        var random = new Random(1);
        _requests = [.. Enumerable.Range(0, ActionSets).Select(_ =>
        {
            var actions = Enumerable.Range(0, numEnvs).Select(_ => random.Next(2)).ToArray();
            return binary ? StepFrame(Instance, actions) : StepLine(Instance, actions);
        })];
    }

    public bool Binary { get; }

    public int NumEnvs { get; }

    public string Instance { get; }

    /// <summary>Sends the next step request and reads its whole reply; returns the reply's size in bytes.</summary>
    public int Step()
    {
        _socket.Send(_requests[_next]);
        _next = (_next + 1) % ActionSets;
        return Binary ? ReadFrame() : ReadReply();
    }

    public void Dispose() => _socket.Dispose();

    private JsonElement Json(string line)
    {
        _socket.Send(Encoding.UTF8.GetBytes(line + "\n"));
        var length = ReadReply();
        using var document = JsonDocument.Parse(_buffer.AsMemory(0, length - 4));
        if (document.RootElement.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"{line}: {error}");
        }
        return document.RootElement.Clone();
    }

    /// <summary>Reads up to and including "\r\n\r\n" (replies are read one at a time, so nothing follows it).</summary>
    private int ReadReply()
    {
        var filled = 0;
        while (true)
        {
            Fill(ref filled);
            if (filled >= 4 && _buffer.AsSpan(filled - 4, 4).SequenceEqual("\r\n\r\n"u8))
            {
                return filled;
            }
        }
    }

    private int ReadFrame()
    {
        var filled = 0;
        while (filled < 8)
        {
            Fill(ref filled);
        }
        if (_buffer[0] != 0xB7 || _buffer[1] != 0x81)
        {
            throw new InvalidOperationException($"expected a step_vec reply frame, got type 0x{_buffer[1]:X2}");
        }
        var total = 8 + (int)BinaryPrimitives.ReadUInt32LittleEndian(_buffer.AsSpan(4));
        while (filled < total)
        {
            Fill(ref filled);
        }
        return total;
    }

    private void Fill(ref int filled)
    {
        if (filled == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        var read = _socket.Receive(_buffer, filled, _buffer.Length - filled, SocketFlags.None);
        if (read == 0)
        {
            throw new EndOfStreamException("the server closed the connection");
        }
        filled += read;
    }

    private static byte[] StepLine(string instance, int[] actions) =>
        Encoding.UTF8.GetBytes($"{{\"step_vec\":{{\"instance\":\"{instance}\",\"actions\":[{string.Join(',', actions)}]}}}}\n");

    private static byte[] StepFrame(string instance, int[] actions)
    {
        var frame = new byte[8 + 1 + instance.Length + 8 * actions.Length];
        frame[0] = 0xB7;
        frame[1] = 0x01;
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), (uint)(frame.Length - 8));
        frame[8] = (byte)instance.Length;
        Encoding.ASCII.GetBytes(instance, frame.AsSpan(9));
        for (var i = 0; i < actions.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(frame.AsSpan(9 + instance.Length + 8 * i), actions[i]);
        }
        return frame;
    }
}
