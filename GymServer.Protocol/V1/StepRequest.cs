namespace GymServer.Protocol.V1;

/// <summary>
/// <c>{"step":{"action":1,"render":0}}</c>: step the env with an action. The action may be a number, a list, or
/// either written as a JSON string (<c>"1"</c>, <c>"[0, 1, 0, 0]"</c>).
/// </summary>
/// <param name="Action">
/// The action as UTF-8 JSON text: the value's own bytes, or the content of the string that held it. It points into
/// the parser's buffer and is valid until the parser reads the next line.
/// </param>
/// <param name="Render">Whether the client asked to render; a server has no screen, so it changes nothing.</param>
public readonly record struct StepRequest(ReadOnlyMemory<byte> Action, bool Render);
