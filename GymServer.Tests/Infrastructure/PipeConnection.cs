using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using GymServer.Engine.Admission;
using GymServer.Engine.Environments;
using GymServer.Engine.Sessions;
using GymServer.Web.Metrics;
using GymServer.Web.Tcp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GymServer.Tests.Infrastructure;

/// <summary>
/// A <see cref="GymConnection"/> (the server's real read and write loops) on in-memory pipes: the test writes the
/// client's bytes however it likes and reads the server's replies, with no socket involved.
/// </summary>
public sealed class PipeConnection : IAsyncDisposable
{
    private static readonly GymMetrics Metrics = new(Prometheus.Metrics.NewCustomRegistry());

    /// <summary>Envs a connection may hold, as Gym:Node:MaxEnvsPerConnection's default.</summary>
    private const int DefaultMaxEnvs = 16;

    private readonly Pipe _toServer;
    private readonly Pipe _fromServer;
    private readonly GymConnection _connection;
    private readonly Task _running;

    private PipeConnection(GymTcpOptions options, PipeOptions? toServer, PipeOptions? fromServer, ILogger? logger, EnvCatalog? catalog, int maxEnvs,
        ReplyMemory? replyMemory = null)
    {
        _toServer = new Pipe(toServer ?? PipeOptions.Default);
        _fromServer = new Pipe(fromServer ?? PipeOptions.Default);
        catalog ??= new EnvCatalog([new NativeEnvProvider(NativeEnvironments.CreateRegistry())]);
        var session = new Session(catalog, ClientAdmission.WithoutNode(maxEnvs));
        _connection = new GymConnection(
            new DuplexPipe(_toServer.Reader, _fromServer.Writer), "test", session, options, Metrics, logger ?? NullLogger.Instance,
            CancellationToken.None, replyMemory: replyMemory);
        _running = Task.Run(_connection.RunAsync);
    }

    public static PipeConnection Start(GymTcpOptions? options = null, PipeOptions? toServer = null, PipeOptions? fromServer = null) =>
        new(options ?? new GymTcpOptions(), toServer, fromServer, logger: null, catalog: null, DefaultMaxEnvs);

    /// <summary>
    /// A connection whose replies count against <paramref name="replyMemory"/>, shared with other connections as the
    /// node's is, its replies going to a pipe of <paramref name="fromServer"/>'s options (a pause threshold stands for
    /// a client that does not read).
    /// </summary>
    public static PipeConnection Start(ReplyMemory replyMemory, PipeOptions? fromServer = null) =>
        new(new GymTcpOptions(), toServer: null, fromServer, logger: null, catalog: null, DefaultMaxEnvs, replyMemory);

    /// <summary>
    /// A connection whose server side logs to <paramref name="logger"/>, makes envs from a shared catalog, and may hold
    /// <paramref name="maxEnvs"/> of them.
    /// </summary>
    public static PipeConnection Start(GymTcpOptions options, ILogger logger, EnvCatalog catalog, int maxEnvs = DefaultMaxEnvs) =>
        new(options, toServer: null, fromServer: null, logger, catalog, maxEnvs);

    /// <summary>Writes client bytes and flushes; completes once the pipe has room (see its pause threshold).</summary>
    public async Task WriteAsync(ReadOnlyMemory<byte> bytes) => await _toServer.Writer.WriteAsync(bytes);

    public Task WriteAsync(string text) => WriteAsync(Encoding.UTF8.GetBytes(text));

    /// <summary>Writes client bytes and flushes, giving up when <paramref name="cancellationToken"/> fires.</summary>
    public async Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        await _toServer.Writer.WriteAsync(bytes, cancellationToken);

    /// <summary>Ends the client's stream, as a client closing its sending side.</summary>
    public Task CompleteAsync() => _toServer.Writer.CompleteAsync().AsTask();

    /// <summary>The next reply's body (without "\r\n\r\n"), or null when the server ended its stream.</summary>
    public async Task<string?> ReadReplyAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var reader = _fromServer.Reader;
        while (true)
        {
            var result = await reader.ReadAsync(deadline.Token);
            var buffer = result.Buffer;
            var end = new SequenceReader<byte>(buffer);
            if (end.TryReadTo(out ReadOnlySequence<byte> body, "\r\n\r\n"u8))
            {
                var text = Encoding.UTF8.GetString(body.ToArray());
                reader.AdvanceTo(end.Position);
                return text;
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                Assert.True(buffer.IsEmpty, $"the server ended inside a reply: {Encoding.UTF8.GetString(buffer.ToArray())}");
                return null;
            }
        }
    }

    /// <summary>Exactly <paramref name="count"/> bytes of the server's stream (a binary frame's header or payload).</summary>
    public async Task<byte[]> ReadBytesAsync(int count)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var reader = _fromServer.Reader;
        while (true)
        {
            var result = await reader.ReadAsync(deadline.Token);
            if (result.Buffer.Length >= count)
            {
                var bytes = result.Buffer.Slice(0, count).ToArray();
                reader.AdvanceTo(result.Buffer.GetPosition(count));
                return bytes;
            }
            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
            Assert.False(result.IsCompleted, $"the server ended its stream after {result.Buffer.Length} of {count} bytes");
        }
    }

    /// <summary>The next binary frame: its type byte and payload (the header is checked: magic 0xB7, reserved 0).</summary>
    public async Task<(byte Type, byte[] Payload)> ReadFrameAsync()
    {
        var header = await ReadBytesAsync(8);
        Assert.Equal(0xB7, header[0]);
        Assert.Equal(0, BitConverter.ToUInt16(header, 2));
        return (header[1], await ReadBytesAsync(checked((int)BitConverter.ToUInt32(header, 4))));
    }

    /// <summary>Every byte the server sends from now until it ends its stream.</summary>
    public async Task<byte[]> ReadToEndAsync(CancellationToken cancellationToken)
    {
        var reader = _fromServer.Reader;
        var received = new MemoryStream();
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            foreach (var segment in result.Buffer)
            {
                received.Write(segment.Span);
            }
            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                return received.ToArray();
            }
        }
    }

    /// <summary>The next reply's raw body (without "\r\n\r\n"), or null when the server ended its stream.</summary>
    public async Task<byte[]?> ReadReplyBytesAsync(CancellationToken cancellationToken)
    {
        var reader = _fromServer.Reader;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            var end = new SequenceReader<byte>(buffer);
            if (end.TryReadTo(out ReadOnlySequence<byte> body, "\r\n\r\n"u8))
            {
                var bytes = body.ToArray();
                reader.AdvanceTo(end.Position);
                return bytes;
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                Assert.True(buffer.IsEmpty, $"the server ended inside a reply: {Encoding.UTF8.GetString(buffer.ToArray())}");
                return null;
            }
        }
    }

    /// <summary>Waits for the connection to end (after the client completed, or the server closed it).</summary>
    public Task Finished => _running;

    public async ValueTask DisposeAsync()
    {
        await _toServer.Writer.CompleteAsync();
        await _fromServer.Reader.CompleteAsync();
        await _running;
        await _connection.DisposeAsync();
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
