using GymServer.Protocol;

namespace GymServer.Engine.Environments;

/// <summary>
/// An error an env or the engine reports to its client: a snake_case code (<see cref="EnvErrorCodes"/>) the wire
/// carries as is, and a message for people that names no command of any protocol.
/// </summary>
public class EnvException(string code, string message) : WireException(code, message);
