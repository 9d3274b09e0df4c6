namespace GymServer.Web.Security;

/// <summary>Authentication's log messages. None of them carries a token, only counts, paths and endpoints.</summary>
internal static partial class SecurityLog
{
    [LoggerMessage(101, LogLevel.Warning, "GymServer listens beyond this machine ({EndPoints}) without Gym:Auth:Tokens: anyone who can reach it can run envs on it. Set Gym:Auth:Tokens, or listen on 127.0.0.1")]
    public static partial void ExposedWithoutTokens(ILogger logger, string endPoints);

    [LoggerMessage(102, LogLevel.Information, "Token authentication is on ({Count} token(s)) for TCP, dm_env_rpc and the HTTP routes that require it")]
    public static partial void AuthenticationOn(ILogger logger, int count);

    [LoggerMessage(106, LogLevel.Warning, "GymServer listens beyond this machine without TLS ({EndPoints}) while Gym:Auth:Tokens is set: tokens, and everything else, cross the network in clear text. Set Gym:Tcp:Tls for TCP, Gym:DmEnvRpc:Tls for dm_env_rpc and an https:// url with a certificate for HTTP (docs/reliability.md), or listen on 127.0.0.1")]
    public static partial void TokensWithoutTls(ILogger logger, string endPoints);

    [LoggerMessage(103, LogLevel.Information, "HTTP request to {Path} refused: {Reason}")]
    public static partial void HttpRefused(ILogger logger, string path, string reason);

    [LoggerMessage(104, LogLevel.Information, "Connection {ConnectionId}: request without a valid token refused ({Failures} so far)")]
    public static partial void TcpRefused(ILogger logger, string connectionId, int failures);

    [LoggerMessage(105, LogLevel.Debug, "Connection {ConnectionId} authenticated")]
    public static partial void TcpAuthenticated(ILogger logger, string connectionId);

    [LoggerMessage(110, LogLevel.Information, "dm_env_rpc stream from {Remote} refused: {Reason}")]
    public static partial void GrpcRefused(ILogger logger, string? remote, string reason);
}
