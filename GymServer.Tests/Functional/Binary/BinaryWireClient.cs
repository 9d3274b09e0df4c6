using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace GymServer.Tests.Functional.Binary;

/// <summary>
/// A client written from the binary layout in docs/protocol.md alone, sharing no code with the server: JSON lines
/// out and "\r\n\r\n"-terminated JSON replies in, 0xB7 frames out and in, over a plain <see cref="NetworkStream"/>.
/// </summary>
public sealed class BinaryWireClient : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly List<byte> _pending = [];
    private readonly byte[] _chunk = new byte[64 * 1024];

    private BinaryWireClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    public static async Task<BinaryWireClient> ConnectAsync(int port, string encoding)
    {
        var client = await ConnectWithoutHandshakeAsync(port);
        var reply = await client.RequestAsync($"{{\"server\":{{\"protocol\":2,\"encoding\":\"{encoding}\"}}}}");
        Assert.Equal(encoding, reply.GetProperty("encoding").GetString());
        return client;
    }

    /// <summary>A connection still in protocol 1, for tests that write their own handshake.</summary>
    public static async Task<BinaryWireClient> ConnectWithoutHandshakeAsync(int port)
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        return new BinaryWireClient(tcp);
    }

    /// <summary>Sends bytes as they are (a frame a test built).</summary>
    public async Task SendAsync(byte[] bytes) => await _stream.WriteAsync(bytes);

    public async Task<JsonElement> RequestAsync(string line)
    {
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"));
        while (true)
        {
            var end = IndexOfTerminator();
            if (end >= 0)
            {
                var body = _pending.GetRange(0, end).ToArray();
                _pending.RemoveRange(0, end + 4);
                return JsonDocument.Parse(body).RootElement.Clone();
            }
            await FillAsync();
        }
    }

    /// <summary>Sends a step_vec frame: u8 id length, the id, then the raw actions.</summary>
    public async Task SendStepVecAsync(string instance, ReadOnlyMemory<byte> actions)
    {
        var frame = new byte[8 + 1 + instance.Length + actions.Length];
        frame[0] = 0xB7;
        frame[1] = 0x01;
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), (uint)(frame.Length - 8));
        frame[8] = (byte)instance.Length;
        Encoding.ASCII.GetBytes(instance, frame.AsSpan(9));
        actions.Span.CopyTo(frame.AsSpan(9 + instance.Length));
        await _stream.WriteAsync(frame);
    }

    /// <summary>Sends any frame: the header (with this reserved field) and the payload.</summary>
    public async Task SendFrameAsync(byte type, ReadOnlyMemory<byte> payload, ushort reserved = 0)
    {
        var frame = new byte[8 + payload.Length];
        frame[0] = 0xB7;
        frame[1] = type;
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(2), reserved);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), (uint)payload.Length);
        payload.Span.CopyTo(frame.AsSpan(8));
        await _stream.WriteAsync(frame);
    }

    /// <summary>Sends a frame and reads the frame that answers it.</summary>
    public async Task<(byte Type, byte[] Payload)> RequestFrameAsync(byte type, ReadOnlyMemory<byte> payload)
    {
        await SendFrameAsync(type, payload);
        return await ReadFrameAsync();
    }

    /// <summary>A payload that starts with an instance id (u8 length, ASCII), followed by <paramref name="rest"/>.</summary>
    public static byte[] WithInstance(string instance, ReadOnlySpan<byte> rest)
    {
        var payload = new byte[1 + instance.Length + rest.Length];
        payload[0] = (byte)instance.Length;
        Encoding.ASCII.GetBytes(instance, payload.AsSpan(1));
        rest.CopyTo(payload.AsSpan(1 + instance.Length));
        return payload;
    }

    /// <summary>Reads one frame: its type and payload.</summary>
    public async Task<(byte Type, byte[] Payload)> ReadFrameAsync()
    {
        var (type, codec, payload) = await ReadRawFrameAsync();
        Assert.Equal(0, codec);
        return (type, payload);
    }

    /// <summary>Reads one frame as it came: its type, the header's codec byte, and the payload (compressed or not).</summary>
    public async Task<(byte Type, byte Codec, byte[] Payload)> ReadRawFrameAsync()
    {
        while (_pending.Count < 8)
        {
            await FillAsync();
        }
        Assert.Equal(0xB7, _pending[0]);
        var type = _pending[1];
        var codec = _pending[2];
        var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(_pending.GetRange(4, 4).ToArray());
        while (_pending.Count < 8 + length)
        {
            await FillAsync();
        }
        var payload = _pending.GetRange(8, length).ToArray();
        _pending.RemoveRange(0, 8 + length);
        return (type, codec, payload);
    }

    /// <summary>Steps with a frame and decodes the 0x81 reply, failing on an error frame.</summary>
    public async Task<DecodedStep> StepVecAsync(string instance, ReadOnlyMemory<byte> actions)
    {
        await SendStepVecAsync(instance, actions);
        var (type, payload) = await ReadFrameAsync();
        Assert.True(type == 0x81, $"expected a step_vec reply, got frame 0x{type:X2}: {Encoding.UTF8.GetString(payload)}");
        return DecodedStep.Decode(payload);
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }

    private int IndexOfTerminator()
    {
        for (var i = 0; i + 3 < _pending.Count; i++)
        {
            if (_pending[i] == '\r' && _pending[i + 1] == '\n' && _pending[i + 2] == '\r' && _pending[i + 3] == '\n')
            {
                return i;
            }
        }
        return -1;
    }

    private async Task FillAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var read = await _stream.ReadAsync(_chunk, deadline.Token);
        if (read == 0)
        {
            throw new EndOfStreamException("the server closed the connection");
        }
        _pending.AddRange(_chunk.AsSpan(0, read));
    }
}
