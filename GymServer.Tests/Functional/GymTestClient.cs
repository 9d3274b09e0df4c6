using System.IO.Compression;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace GymServer.Tests.Functional;

/// <summary>
/// A protocol-1 client over a real socket, as the C++ client behaves: it sends lines ending in "\r\n" and reads
/// replies up to "\r\n\r\n". Unlike the C++ client it keeps bytes read past a reply for the next one.
/// Every read is bounded by <see cref="ReadDeadline"/> so a broken server fails the test instead of hanging it.
/// Over TLS (<see cref="ConnectTlsAsync"/>) the same, through an <see cref="SslStream"/>.
/// </summary>
public sealed class GymTestClient : IAsyncDisposable
{
    public static readonly TimeSpan ReadDeadline = TimeSpan.FromSeconds(30);

    private readonly Socket _socket;
    private readonly SslStream? _tls;
    private readonly byte[] _receiveBuffer = new byte[64 * 1024];
    private readonly MemoryStream _pending = new();

    private GymTestClient(Socket socket, SslStream? tls = null)
    {
        _socket = socket;
        _tls = tls;
    }

    /// <summary>Whether replies are zlib-compressed (the client asked with the compression command).</summary>
    public bool Compressed { get; set; }

    /// <param name="port">The server's TCP port.</param>
    /// <param name="receiveBufferBytes">The socket's receive buffer, if not the system's: a small one makes a client
    /// that stops reading hold little in the kernel, so the server's own queue fills.</param>
    public static async Task<GymTestClient> ConnectAsync(int port, int? receiveBufferBytes = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        if (receiveBufferBytes is { } bytes)
        {
            socket.ReceiveBufferSize = bytes;
        }
        await socket.ConnectAsync(System.Net.IPAddress.Loopback, port);
        return new GymTestClient(socket);
    }

    /// <summary>Connects and completes a TLS handshake with these options (which say whom to trust).</summary>
    public static async Task<GymTestClient> ConnectTlsAsync(int port, SslClientAuthenticationOptions options)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(System.Net.IPAddress.Loopback, port);
        var tls = new SslStream(new NetworkStream(socket, ownsSocket: true));
        try
        {
            using var deadline = new CancellationTokenSource(ReadDeadline);
            await tls.AuthenticateAsClientAsync(options, deadline.Token);
        }
        catch
        {
            await tls.DisposeAsync();
            throw;
        }
        return new GymTestClient(socket, tls);
    }

    /// <summary>Sends one request line exactly as given, followed by "\r\n".</summary>
    public Task SendAsync(string line) => SendRawAsync(Encoding.UTF8.GetBytes(line + "\r\n"));

    public async Task SendRawAsync(ReadOnlyMemory<byte> bytes)
    {
        using var deadline = new CancellationTokenSource(ReadDeadline);
        if (_tls is not null)
        {
            await _tls.WriteAsync(bytes, deadline.Token);
            return;
        }
        await _socket.SendAsync(bytes, SocketFlags.None, deadline.Token);
    }

    /// <summary>Stops sending (the server sees end of stream) but keeps reading.</summary>
    public void ShutdownSend() => _socket.Shutdown(SocketShutdown.Send);

    /// <summary>Sends a request and reads its reply.</summary>
    public async Task<JsonElement> RequestAsync(string line)
    {
        await SendAsync(line);
        return await ReadReplyAsync();
    }

    /// <summary>Reads the next reply, decompressing it if <see cref="Compressed"/>, and parses it.</summary>
    public async Task<JsonElement> ReadReplyAsync()
    {
        var body = await ReadReplyBodyAsync() ?? throw new EndOfStreamException("the server closed the connection instead of replying");
        using var document = JsonDocument.Parse(Compressed ? Decompress(body) : body);
        return document.RootElement.Clone();
    }

    /// <summary>The raw bytes of the next reply without its "\r\n\r\n"; null at end of stream.</summary>
    public async Task<byte[]?> ReadReplyBodyAsync()
    {
        while (true)
        {
            if (TryTakeReply() is byte[] body)
            {
                return body;
            }
            if (await ReceiveAsync() == 0)
            {
                if (_pending.Length != 0)
                {
                    throw new EndOfStreamException($"the connection ended inside a reply: {Encoding.UTF8.GetString(_pending.ToArray())}");
                }
                return null;
            }
        }
    }

    private byte[]? TryTakeReply()
    {
        var buffered = _pending.GetBuffer().AsSpan(0, (int)_pending.Length);
        var end = buffered.IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return null;
        }
        var body = buffered[..end].ToArray();
        var rest = buffered[(end + 4)..].ToArray();
        _pending.SetLength(0);
        _pending.Write(rest);
        return body;
    }

    /// <summary>Waits for the server to close the connection; fails if it sends anything else first.</summary>
    public async Task AssertClosedAsync()
    {
        var body = await ReadReplyBodyAsync();
        Assert.True(body is null, $"expected the connection to close, got {(body is null ? "" : Encoding.UTF8.GetString(body))}");
    }

    public static byte[] Decompress(byte[] body)
    {
        using var input = new MemoryStream(body);
        using var zlib = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        zlib.CopyTo(output);
        return output.ToArray();
    }

    public ValueTask DisposeAsync()
    {
        _tls?.Dispose();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<int> ReceiveAsync()
    {
        using var deadline = new CancellationTokenSource(ReadDeadline);
        int count;
        try
        {
            count = _tls is null
                ? await _socket.ReceiveAsync(_receiveBuffer, SocketFlags.None, deadline.Token)
                : await _tls.ReadAsync(_receiveBuffer, deadline.Token);
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionReset)
        {
            return 0;
        }
        catch (IOException exception) when (exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
        {
            return 0;
        }
        _pending.Write(_receiveBuffer, 0, count);
        return count;
    }
}
