namespace GymServer.Protocol;

/// <summary>
/// An error that travels to the client as <c>{"error":{"code":..,"message":..}}</c> (see <see cref="ErrorResponse"/>):
/// a stable snake_case code (<see cref="ProtocolErrorCodes"/>, <see cref="EnvErrorCodes"/>) and a message for
/// people. The protocol's own refusals are <see cref="ProtocolException"/>s; the engine's errors derive from it too,
/// so whoever writes replies catches this one type.
/// </summary>
public class WireException(string code, string message) : Exception(message)
{
    /// <summary>The error code the reply carries.</summary>
    public string Code { get; } = code;
}
