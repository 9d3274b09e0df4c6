namespace GymServer.Client;

/// <summary>
/// An error from GymServer, or the loss of the connection to it. <see cref="Code"/> is the server's snake_case error
/// code (<c>unknown_env</c>, <c>invalid_action</c>, <c>reset_needed</c>, ... as listed in docs/protocol.md), or one of
/// the client's own codes for a connection that ended or never began: <see cref="ConnectionClosed"/>,
/// <see cref="ConnectionLost"/> and <see cref="TlsFailed"/>.
/// </summary>
public sealed class GymServerException : Exception
{
    /// <summary>The server closed the connection (it stopped, or closed it after an error of its own).</summary>
    public const string ConnectionClosed = "connection_closed";

    /// <summary>The connection failed (a socket error, a timeout or a cancellation in the middle of a request).</summary>
    public const string ConnectionLost = "connection_lost";

    /// <summary>
    /// The TLS handshake failed: the server's certificate is not trusted (<see cref="GymTlsOptions.CaFile"/>) or not
    /// for the host name, or the port does not speak TLS.
    /// </summary>
    public const string TlsFailed = "tls_failed";

    /// <summary>The client could not make sense of a reply (a bug on one side, or not a GymServer at the other end).</summary>
    public const string BadReply = "bad_reply";

    /// <summary>Creates the exception for an error reply or a connection failure.</summary>
    public GymServerException(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    /// <summary>The error's code: the server's (<c>unknown_env</c>, ...) or one of this class's constants.</summary>
    public string Code { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {base.ToString()}";
}
