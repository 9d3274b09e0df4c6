using GymServer.Protocol.V1;

namespace GymServer.Web.Tcp;

/// <summary>The TCP side's log messages, source-generated so hot paths format nothing unless enabled.</summary>
internal static partial class TcpLog
{
    [LoggerMessage(1, LogLevel.Information, "Gym TCP protocol listening on {EndPoint}")]
    public static partial void Listening(ILogger logger, string endPoint);

    [LoggerMessage(2, LogLevel.Debug, "Connection {ConnectionId} from {Remote} opened")]
    public static partial void ConnectionOpened(ILogger logger, string connectionId, string? remote);

    [LoggerMessage(3, LogLevel.Debug, "Connection {ConnectionId} closed after {Requests} request(s)")]
    public static partial void ConnectionClosed(ILogger logger, string connectionId, long requests);

    [LoggerMessage(4, LogLevel.Warning, "Connection from {Remote} refused: the node already serves {Max} connections")]
    public static partial void ConnectionRefused(ILogger logger, string? remote, int max);

    [LoggerMessage(5, LogLevel.Warning, "Connection {ConnectionId}: {Kind} failed ({Code}: {Message}); the error is the reply to the next request")]
    public static partial void DeferredError(ILogger logger, string connectionId, RequestKind kind, string code, string message);

    [LoggerMessage(6, LogLevel.Error, "Connection {ConnectionId}: {Kind} failed unexpectedly")]
    public static partial void UnexpectedRequestError(ILogger logger, string connectionId, RequestKind kind, Exception exception);

    [LoggerMessage(11, LogLevel.Error, "Connection {ConnectionId}: protocol-2 {Command} failed unexpectedly")]
    public static partial void UnexpectedProtocol2Error(ILogger logger, string connectionId, string command, Exception exception);

    [LoggerMessage(7, LogLevel.Information, "Connection {ConnectionId} closed: {Code}")]
    public static partial void ClosedByServer(ILogger logger, string connectionId, string code);

    [LoggerMessage(8, LogLevel.Error, "Connection {ConnectionId} failed")]
    public static partial void ConnectionFailed(ILogger logger, string connectionId, Exception exception);

    [LoggerMessage(9, LogLevel.Warning, "Connection {ConnectionId}: closing its envs failed")]
    public static partial void SessionCloseFailed(ILogger logger, string connectionId, Exception exception);

    [LoggerMessage(10, LogLevel.Debug, "Connection {ConnectionId} reset by the peer")]
    public static partial void ConnectionReset(ILogger logger, string connectionId);

    [LoggerMessage(12, LogLevel.Information, "Gym TCP protocol listening on {EndPoint} with TLS")]
    public static partial void ListeningWithTls(ILogger logger, string endPoint);

    [LoggerMessage(13, LogLevel.Information, "Connection from {Remote} refused: plain TCP on the TLS port (tls_required)")]
    public static partial void PlainTextOnTlsPort(ILogger logger, string? remote);

    [LoggerMessage(14, LogLevel.Debug, "Connection from {Remote} closed: no TLS handshake within {Timeout}")]
    public static partial void TlsHandshakeTimedOut(ILogger logger, string? remote, TimeSpan timeout);

    [LoggerMessage(15, LogLevel.Warning, "Connection {ConnectionId} closed: its client left {QueuedBytes} bytes of replies untaken for {StalledSeconds:F1} s while the node's reply memory was full and other connections waited (Gym:Node:StalledReplyTimeout)")]
    public static partial void ClosedForStalledReplies(ILogger logger, string connectionId, long queuedBytes, double stalledSeconds);
}
