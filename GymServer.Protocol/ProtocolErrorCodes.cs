namespace GymServer.Protocol;

/// <summary>
/// The error codes the protocol layer itself raises (framing, parsing, connection states). The engine's use
/// <see cref="EnvErrorCodes"/>; both appear as <c>{"error":{"code":..,"message":..}}</c>.
/// </summary>
public static class ProtocolErrorCodes
{
    /// <summary>The line is not valid UTF-8 JSON, or not a JSON object (including a line cut off at end of stream).</summary>
    public const string InvalidJson = "invalid_json";

    /// <summary>The JSON is an object, but not a request of the protocol's shape (several commands, wrong types).</summary>
    public const string InvalidRequest = "invalid_request";

    /// <summary>The command (the object's member name, or its action) is not one the protocol knows.</summary>
    public const string UnknownCommand = "unknown_command";

    /// <summary>The line is longer than the configured maximum; the rest of it was discarded.</summary>
    public const string LineTooLong = "line_too_long";

    /// <summary>The command needs an env and the connection has none (never made, or closed).</summary>
    public const string NoEnv = "no_env";

    /// <summary>Protocol 2: no env with the request's instance id is open on this connection.</summary>
    public const string UnknownInstance = "unknown_instance";

    /// <summary>The node already serves as many connections as it may; the connection is closed after this reply.</summary>
    public const string TooManyConnections = "too_many_connections";

    /// <summary>The connection sent nothing for the idle timeout; it is closed after this reply.</summary>
    public const string IdleTimeout = "idle_timeout";

    /// <summary>The server is shutting down; the connection is closed after this reply.</summary>
    public const string ServerShuttingDown = "server_shutting_down";

    /// <summary>
    /// A client spoke plain TCP to a port that speaks TLS only (<c>Gym:Tcp:Tls</c>); sent unencrypted, as the first
    /// bytes of the connection, which is then closed.
    /// </summary>
    public const string TlsRequired = "tls_required";

    /// <summary>The server requires a token and the connection has not authenticated, or gave a wrong one.</summary>
    public const string Unauthorized = "unauthorized";
}
