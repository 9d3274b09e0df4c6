using System.Buffers;
using GymServer.Protocol;
using GymServer.Protocol.Framing;
using GymServer.Web.Security;

namespace GymServer.Web.Tcp.States;

/// <summary>
/// The first state of a connection when the server requires tokens (<c>Gym:Auth:Tokens</c>): a valid
/// <c>{"auth":{"token":..}}</c> is answered <c>{"authenticated":true}</c> and the connection speaks protocol 1 from
/// the next request; anything else gets unauthorized (every line, even those that have no reply in protocol 1), and
/// the connection is closed after <see cref="MaxFailures"/> of them.
/// </summary>
public sealed class AwaitingAuthState(ConnectionScope scope, AccessTokens tokens) : ConnectionState(scope)
{
    /// <summary>Requests refused for want of a valid token before the connection is closed.</summary>
    public const int MaxFailures = 3;

    private int _failures;

    public override ValueTask<ConnectionState> RunAsync(TcpRequest request, ReplyBuffer output)
    {
        var token = request.Framing == RequestFraming.Line ? AuthRequest.TryReadToken(request.Bytes) : null;
        if (token is not null && tokens.IsValid(token))
        {
            Scope.Observer.OnAuthenticated();
            output.Write(AuthRequest.AuthenticatedReply);
            output.Write(ReplyWriter.Terminator);
            return new ValueTask<ConnectionState>(new Protocol1State(Scope));
        }
        _failures++;
        Scope.Observer.OnAuthRefused(_failures);
        WriteNotice(output, ProtocolErrorCodes.Unauthorized, token is null
            ? "this server requires a token: send {\"auth\":{\"token\":\"<token>\"}} as the first request"
            : "the token is not one this server accepts");
        if (_failures >= MaxFailures)
        {
            Scope.Observer.RequestClose(ProtocolErrorCodes.Unauthorized, $"{_failures} requests without a valid token: closing the connection");
        }
        return new ValueTask<ConnectionState>(this);
    }
}
