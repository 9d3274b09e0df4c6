using GymServer.Engine.Environments;

namespace GymServer.Engine.Protocol;

/// <summary>
/// A request the protocol layer refuses. <see cref="Kind"/> is the command when the line was recognised, so a
/// refused command that has no reply can be reported with the next reply instead of out of turn.
/// </summary>
public sealed class ProtocolException(string code, string message, RequestKind? kind = null) : EnvException(code, message)
{
    /// <summary>The command the line was recognised as, if it got that far.</summary>
    public RequestKind? Kind { get; } = kind;
}
