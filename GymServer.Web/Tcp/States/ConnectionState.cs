using System.Buffers;
using GymServer.Protocol.Framing;

namespace GymServer.Web.Tcp.States;

/// <summary>
/// One state of a TCP connection: awaiting authentication, protocol 1, protocol 2 in JSON, protocol 2 with binary
/// frames. A state owns its framing (<see cref="TryTake"/>) and its dispatch (<see cref="RunAsync"/>), and names its
/// successor once a handshake changes what the connection speaks. The connection's read loop only takes a request
/// with the current state, runs it, and carries on with the state it got back. A new protocol or encoding is a new
/// state, plus its wire types in GymServer.Protocol.
/// </summary>
public abstract class ConnectionState(ConnectionScope scope)
{
    protected ConnectionScope Scope { get; } = scope;

    /// <summary>
    /// Takes the next request off the front of <paramref name="buffer"/>; false when no complete one is there (then
    /// every byte that can be consumed has been). At <paramref name="endOfStream"/> what is left is a last request cut
    /// off by the peer closing, which is taken too, so it gets its error. Lines by default.
    /// </summary>
    public virtual bool TryTake(ref ReadOnlySequence<byte> buffer, bool endOfStream, out TcpRequest request) =>
        TryTakeLine(ref buffer, endOfStream, out request);

    /// <summary>
    /// Runs a request <see cref="TryTake"/> took, writing its reply (if it has one) to <paramref name="output"/>.
    /// Completes with the state that takes the following requests: this one, unless a handshake changed it. Completes
    /// synchronously when the env does (native envs), allocating nothing.
    /// </summary>
    public abstract ValueTask<ConnectionState> RunAsync(TcpRequest request, ReplyBuffer output);

    /// <summary>Writes the error the server sends on its own before it closes the connection (idle, shutdown).</summary>
    public virtual void WriteNotice(ReplyBuffer output, string code, string message) => Scope.Replies.WriteError(output, code, message);

    /// <summary>Line framing, shared by every state: "\n" or "\r\n", at most the configured length.</summary>
    protected bool TryTakeLine(ref ReadOnlySequence<byte> buffer, bool endOfStream, out TcpRequest request)
    {
        var lines = Scope.Lines;
        var status = lines.TryRead(ref buffer, out var line);
        if (status == LineStatus.NeedMoreData)
        {
            if (!endOfStream || buffer.IsEmpty || lines.IsDiscarding)
            {
                request = default;
                return false;
            }
            // End of stream: what is left is a last line without its terminator. Run it too, so a request cut off by
            // the peer closing gets its error.
            status = buffer.Length > lines.MaxLineLength ? LineStatus.TooLong : LineStatus.Line;
            line = buffer;
            buffer = buffer.Slice(buffer.End);
        }
        request = status == LineStatus.Line ? TcpRequest.Line(line) : TcpRequest.LineTooLong();
        return true;
    }
}
