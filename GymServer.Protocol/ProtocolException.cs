using GymServer.Protocol.V1;

namespace GymServer.Protocol;

/// <summary>
/// A request (or a value in it) the protocol refuses. <see cref="Kind"/> is the protocol-1 command when the line was
/// recognised, so a refused command that has no reply can be reported with the next reply instead of out of turn.
/// </summary>
public sealed class ProtocolException(string code, string message, RequestKind? kind = null) : WireException(code, message)
{
    /// <summary>The protocol-1 command the line was recognised as, if it got that far.</summary>
    public RequestKind? Kind { get; } = kind;
}
