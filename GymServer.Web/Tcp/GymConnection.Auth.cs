using System.Buffers;
using GymServer.Engine.Protocol;
using GymServer.Web.Security;

namespace GymServer.Web.Tcp;

public sealed partial class GymConnection
{
    /// <summary>Requests refused for want of a valid token before the connection is closed.</summary>
    public const int MaxAuthFailures = 3;

    private static ReadOnlySpan<byte> AuthenticatedReply => "{\"authenticated\":true}"u8;

    private bool _authenticated;
    private int _authFailures;

    /// <summary>
    /// Runs a line of a connection that has not authenticated yet: a valid <c>{"auth":{"token":..}}</c> is answered
    /// <c>{"authenticated":true}</c>; anything else gets unauthorized (every line, even those that have no reply in
    /// protocol 1), and the connection is closed after <see cref="MaxAuthFailures"/> of them.
    /// </summary>
    private void Authenticate(LineStatus status, ReadOnlySequence<byte> line, ReplyBuffer reply, AccessTokens tokens)
    {
        Interlocked.Increment(ref _requests);
        var token = status == LineStatus.Line ? AuthRequest.TryReadToken(line) : null;
        if (token is not null && tokens.IsValid(token))
        {
            _authenticated = true;
            SecurityLog.TcpAuthenticated(_logger, _connectionId);
            reply.Write(AuthenticatedReply);
            reply.Write(ReplyWriter.Terminator);
            return;
        }
        _authFailures++;
        SecurityLog.TcpRefused(_logger, _connectionId, _authFailures);
        _dispatcher.WriteNotice(reply, ProtocolErrorCodes.Unauthorized, token is null
            ? "this server requires a token: send {\"auth\":{\"token\":\"<token>\"}} as the first request"
            : "the token is not one this server accepts");
        if (_authFailures >= MaxAuthFailures)
        {
            RequestClose(ProtocolErrorCodes.Unauthorized, $"{_authFailures} requests without a valid token: closing the connection");
        }
    }
}
