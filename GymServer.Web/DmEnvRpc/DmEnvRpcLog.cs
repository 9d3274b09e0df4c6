namespace GymServer.Web.DmEnvRpc;

/// <summary>The dm_env_rpc endpoint's log messages.</summary>
internal static partial class DmEnvRpcLog
{
    [LoggerMessage(201, LogLevel.Information, "dm_env_rpc (gRPC, HTTP/2{Tls}) listening on {EndPoint}")]
    public static partial void Listening(ILogger logger, string endPoint, string tls);

    [LoggerMessage(202, LogLevel.Debug, "dm_env_rpc stream from {Remote} opened")]
    public static partial void StreamOpened(ILogger logger, string? remote);

    [LoggerMessage(203, LogLevel.Debug, "dm_env_rpc stream from {Remote} closed after {Requests} request(s)")]
    public static partial void StreamClosed(ILogger logger, string? remote, long requests);

    [LoggerMessage(204, LogLevel.Warning, "dm_env_rpc stream from {Remote} refused: the node already serves {Max} streams")]
    public static partial void StreamRefused(ILogger logger, string? remote, int max);

    [LoggerMessage(205, LogLevel.Error, "dm_env_rpc stream from {Remote}: {Request} failed unexpectedly")]
    public static partial void UnexpectedError(ILogger logger, string? remote, string request, Exception exception);

    [LoggerMessage(206, LogLevel.Warning, "dm_env_rpc stream from {Remote}: closing its worlds failed")]
    public static partial void CloseFailed(ILogger logger, string? remote, Exception exception);
}
