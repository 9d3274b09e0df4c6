using GymServer.Protocol;
using GymServer.Protocol.Framing;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace GymServer.Web.Tcp;

/// <summary>
/// Puts TLS in front of the gym protocol on a TCP listener: Kestrel's TLS middleware (the one HTTPS uses) between
/// the socket and <see cref="GymConnectionHandler"/>, so every limit of the protocol applies to the decrypted stream
/// unchanged. Before it, a look at the first byte: a client speaking plain TCP to this port gets
/// <c>tls_required</c> in the protocol's own error form instead of a connection dropped without a word.
/// </summary>
internal static class TcpTls
{
    /// <summary>The first byte of every TLS connection: the record type of its ClientHello (RFC 8446, 5.1).</summary>
    private const byte HandshakeRecord = 0x16;

    /// <summary>
    /// Loads the certificate once, and returns what puts TLS on a listener (the TCP address may be bound several
    /// times: IPv4 and IPv6 for localhost).
    /// </summary>
    public static Action<ListenOptions> Configure(GymTcpTlsOptions options, string contentRoot, ILogger logger)
    {
        var https = TlsEndpoint.Https(options.Certificate, options.HandshakeTimeout, "Gym:Tcp:Tls", contentRoot);
        return listen =>
        {
            listen.Use(next => connection => RequireTlsAsync(connection, next, options.HandshakeTimeout, logger));
            https(listen);
        };
    }

    private static async Task RequireTlsAsync(ConnectionContext connection, ConnectionDelegate next, TimeSpan timeout, ILogger logger)
    {
        var input = connection.Transport.Input;
        int first;
        using (var deadline = new CancellationTokenSource(timeout))
        {
            try
            {
                var result = await input.ReadAsync(deadline.Token).ConfigureAwait(false);
                first = result.Buffer.IsEmpty ? -1 : result.Buffer.FirstSpan[0];
                // Nothing consumed, nothing examined: the TLS handshake reads these bytes again.
                input.AdvanceTo(result.Buffer.Start);
            }
            catch (OperationCanceledException)
            {
                TcpLog.TlsHandshakeTimedOut(logger, connection.RemoteEndPoint?.ToString(), timeout);
                return;
            }
            catch (IOException)
            {
                // Reset before it sent a byte.
                return;
            }
        }
        if (first == HandshakeRecord)
        {
            await next(connection).ConfigureAwait(false);
            return;
        }
        if (first < 0)
        {
            return;
        }
        TcpLog.PlainTextOnTlsPort(logger, connection.RemoteEndPoint?.ToString());
        var reply = new ReplyBuffer();
        new ReplyWriter().WriteError(reply, ProtocolErrorCodes.TlsRequired,
            "this port speaks TLS only: connect with TLS and check the server's certificate (docs/protocol.md, TLS)");
        var output = connection.Transport.Output;
        try
        {
            await output.WriteAsync(reply.WrittenMemory).ConfigureAwait(false);
        }
        finally
        {
            await output.CompleteAsync().ConfigureAwait(false);
        }
        await GymConnectionHandler.DrainAsync(connection).ConfigureAwait(false);
    }
}
