using System.Buffers;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using GymServer.Protocol;

namespace GymServer.Client;

/// <summary>
/// One TCP connection to GymServer at the level of the wire: JSON requests out, replies in, one at a time and in
/// order. <see cref="GymClient"/> builds the protocol-2 API on it; use this type directly to speak protocol 1 or to
/// send requests the API does not cover. Thread-safe: concurrent requests are queued and run one after another.
/// </summary>
public sealed partial class GymConnection : IAsyncDisposable
{
    private static readonly byte[] LineEnd = "\r\n"u8.ToArray();

    private readonly Stream _stream;
    private readonly GymClientOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CancellationTokenSource _timeout = new();
    private readonly ArrayBufferWriter<byte> _request = new(256);
    private readonly Utf8JsonWriter _writer;
    private bool _broken;
    private bool _disposed;

    private GymConnection(Stream stream, GymClientOptions options)
    {
        _stream = stream;
        _options = options;
        _writer = new Utf8JsonWriter(_request);
        _buffer = new byte[16 * 1024];
    }

    /// <summary>The options this connection was made with.</summary>
    public GymClientOptions Options => _options;

    /// <summary>
    /// Opens a connection, over TLS when <see cref="GymClientOptions.Tls"/> is set (no protocol handshake: the
    /// connection speaks protocol 1 until told otherwise).
    /// </summary>
    /// <exception cref="GymServerException">
    /// The server could not be reached (code <c>connection_lost</c>), or the TLS handshake failed (<c>tls_failed</c>).
    /// </exception>
    /// <exception cref="TimeoutException">The connect took longer than <see cref="GymClientOptions.ConnectTimeout"/>.</exception>
    public static async Task<GymConnection> ConnectAsync(string host, int port, GymClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        options ??= new GymClientOptions();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream stream;
        try
        {
            await socket.ConnectAsync(host, port, timeout.Token).ConfigureAwait(false);
            stream = new NetworkStream(socket, ownsSocket: true);
            if (options.Tls is { } tls)
            {
                stream = await AuthenticateAsync(stream, host, port, tls, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            var tls = options.Tls is null ? "" : " with its TLS handshake (does the port speak TLS?)";
            throw new TimeoutException($"connecting to {host}:{port}{tls} took longer than {options.ConnectTimeout}");
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new GymServerException(GymServerException.ConnectionLost, $"cannot connect to GymServer at {host}:{port}: {e.Message}", e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new GymConnection(stream, options);
    }

    /// <summary>Sends a request and returns its reply as it came, error replies included (they are not thrown).</summary>
    public Task<JsonElement> RequestAsync(JsonNode request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RequestAsync(writer =>
        {
            TrackCompression(request);
            request.WriteTo(writer);
        }, cancellationToken);
    }

    /// <summary>Sends a request that has no reply (protocol 1's seed, close, record_episode_stats, compression).</summary>
    public async Task SendAsync(JsonNode request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await RunAsync(async token =>
        {
            await WriteJsonLineAsync(writer =>
            {
                TrackCompression(request);
                request.WriteTo(writer);
            }, token).ConfigureAwait(false);
            return 0;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the request <paramref name="write"/> writes (one JSON value) and reads its reply.</summary>
    internal Task<JsonElement> RequestAsync(Action<Utf8JsonWriter> write, CancellationToken cancellationToken) =>
        RunAsync(async token =>
        {
            await WriteJsonLineAsync(write, token).ConfigureAwait(false);
            return await ReadJsonReplyAsync(token).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Like <see cref="RequestAsync(Action{Utf8JsonWriter}, CancellationToken)"/>, throwing error replies.</summary>
    internal Task<JsonElement> CallAsync(Action<Utf8JsonWriter> write, CancellationToken cancellationToken) =>
        RunAsync(async token =>
        {
            await WriteJsonLineAsync(write, token).ConfigureAwait(false);
            var reply = await ReadJsonReplyAsync(token).ConfigureAwait(false);
            ThrowIfError(reply);
            return reply;
        }, cancellationToken);

    /// <summary>Sends a binary frame (built by <paramref name="build"/>) and returns the payload of its binary reply.</summary>
    internal Task<BinaryFrame> RequestFrameAsync(Action<ArrayBufferWriter<byte>> build, CancellationToken cancellationToken) =>
        RunAsync(async token =>
        {
            _request.Clear();
            build(_request);
            await _stream.WriteAsync(_request.WrittenMemory, token).ConfigureAwait(false);
            return await ReadFrameReplyAsync(token).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Throws the error a reply carries, if it is an error reply.</summary>
    internal static void ThrowIfError(JsonElement reply)
    {
        if (ErrorResponse.TryRead(reply, out var code, out var message))
        {
            throw new GymServerException(code ?? "unknown", message ?? reply.GetRawText());
        }
    }

    private async Task WriteJsonLineAsync(Action<Utf8JsonWriter> write, CancellationToken token)
    {
        _request.Clear();
        _writer.Reset(_request);
        write(_writer);
        _writer.Flush();
        _request.Write(LineEnd);
        await _stream.WriteAsync(_request.WrittenMemory, token).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs one request under the gate with the request timeout. A request stopped half way (timeout, cancellation,
    /// socket error) leaves the connection out of step with the server, so the connection is closed.
    /// </summary>
    private async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> request, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_broken)
            {
                throw new GymServerException(GymServerException.ConnectionLost, "the connection was closed by an earlier failure; connect again");
            }
            // One timeout source for the connection's life, re-armed per request: a linked source per request would
            // cost an allocation and a timer on every step.
            using var link = cancellationToken.CanBeCanceled
                ? cancellationToken.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), _timeout)
                : default;
            _timeout.CancelAfter(_options.RequestTimeout);
            try
            {
                var result = await request(_timeout.Token).ConfigureAwait(false);
                if (!_timeout.TryReset())
                {
                    _timeout.Dispose();
                    _timeout = new CancellationTokenSource();
                }
                return result;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Break();
                throw new TimeoutException($"no reply from GymServer within {_options.RequestTimeout}; the connection was closed");
            }
            catch (OperationCanceledException)
            {
                Break();
                throw;
            }
            catch (IOException e)
            {
                // A socket error, as the stream (plain or TLS) reports it.
                Break();
                throw new GymServerException(GymServerException.ConnectionLost, $"the connection to GymServer failed: {e.Message}", e);
            }
            catch (GymServerException e) when (e.Code is GymServerException.ConnectionClosed or GymServerException.BadReply
                or ProtocolErrorCodes.ServerShuttingDown or ProtocolErrorCodes.IdleTimeout or ProtocolErrorCodes.TooManyConnections
                or ProtocolErrorCodes.TlsRequired)
            {
                // The last four the server sends on its own before it closes the connection (docs/protocol.md).
                Break();
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Break()
    {
        _broken = true;
        _stream.Dispose();
    }

    /// <summary>Closes the connection; the server closes every env it held.</summary>
    public ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            _stream.Dispose();
            _writer.Dispose();
            _timeout.Dispose();
        }
        return ValueTask.CompletedTask;
    }
}
