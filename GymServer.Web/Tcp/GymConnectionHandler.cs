using GymServer.Engine.Admission;
using GymServer.Engine.Recording;
using GymServer.Engine.Sessions;
using GymServer.Protocol;
using GymServer.Protocol.Framing;
using GymServer.Web.Metrics;
using GymServer.Web.Security;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.Extensions.Options;

namespace GymServer.Web.Tcp;

/// <summary>
/// Kestrel's entry point for the raw TCP listener: admits a connection against the node's limit, runs it as a
/// <see cref="GymConnection"/>, and closes it (with a notice) when the server shuts down.
/// </summary>
public sealed class GymConnectionHandler(
    IOptions<GymTcpOptions> options,
    EnvCatalog catalog,
    NodeActivity activity,
    MediaRecorder recorder,
    ConnectionLimiter limiter,
    NodeAdmission admission,
    AccessTokens tokens,
    ReplyMemory replyMemory,
    GymMetrics metrics,
    IHostApplicationLifetime lifetime,
    ILogger<GymConnectionHandler> logger) : ConnectionHandler
{
    private readonly GymTcpOptions _options = options.Value;

    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        var remote = connection.RemoteEndPoint?.ToString();
        if (!limiter.TryAcquire())
        {
            await RefuseAsync(connection, remote).ConfigureAwait(false);
            return;
        }
        metrics.ConnectionOpened();
        try
        {
            TcpLog.ConnectionOpened(logger, connection.ConnectionId, remote);
            var session = new Session(catalog, admission.ForConnection(), activity, recorder);
            // Replies go straight to the socket, unless TLS stands between them (then through the transport's pipe).
            var socket = _options.Tls.Enabled ? null : connection.Features.Get<IConnectionSocketFeature>()?.Socket;
            await using var gym = new GymConnection(
                connection.Transport, connection.ConnectionId, session, _options, metrics, logger, connection.ConnectionClosed, tokens, replyMemory, socket);
            using var stopping = lifetime.ApplicationStopping.Register(static state => ShuttingDown((GymConnection)state!), gym);
            var closeRequested = connection.Features.Get<IConnectionLifetimeNotificationFeature>()?.ConnectionClosedRequested ?? default;
            using var closing = closeRequested.Register(static state => ShuttingDown((GymConnection)state!), gym);
            await gym.RunAsync().ConfigureAwait(false);
        }
        finally
        {
            metrics.ConnectionClosed();
            limiter.Release();
        }
    }

    private static void ShuttingDown(GymConnection connection) =>
        connection.RequestClose(ProtocolErrorCodes.ServerShuttingDown, "the server is shutting down");

    /// <summary>Past the connection limit: one error reply, then close.</summary>
    private async Task RefuseAsync(ConnectionContext connection, string? remote)
    {
        metrics.ConnectionRefused();
        TcpLog.ConnectionRefused(logger, remote, limiter.Max);
        var reply = new ReplyBuffer();
        new ReplyWriter().WriteError(reply, ProtocolErrorCodes.TooManyConnections,
            $"the server already serves {limiter.Max} connections; try again later");
        var output = connection.Transport.Output;
        try
        {
            await output.WriteAsync(reply.WrittenMemory).ConfigureAwait(false);
        }
        finally
        {
            await output.CompleteAsync().ConfigureAwait(false);
        }
        await DrainAsync(connection).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads and drops what the refused client sent until it closes (briefly): closing a socket with unread bytes
    /// makes the kernel reset it, and a reset can destroy the error reply before the client reads it.
    /// </summary>
    internal static async Task DrainAsync(ConnectionContext connection)
    {
        var input = connection.Transport.Input;
        using var timeout = new CancellationTokenSource(RefusedDrainTime);
        try
        {
            while (true)
            {
                var result = await input.ReadAsync(timeout.Token).ConfigureAwait(false);
                input.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted || result.IsCanceled)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The client did not close in time: close anyway.
        }
        catch (IOException)
        {
            // The client reset the connection: nothing left to drain.
        }
        finally
        {
            await input.CompleteAsync().ConfigureAwait(false);
        }
    }

    private static readonly TimeSpan RefusedDrainTime = TimeSpan.FromSeconds(5);
}
