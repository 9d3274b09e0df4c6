using System.Text.Json;
using GymServer.Protocol.V1;

namespace GymServer.Protocol;

/// <summary>
/// The reply to a request that failed: <c>{"error":{"code":"unknown_env","message":"no environment with id ..."}}</c>.
/// The code is snake_case and stable (see <see cref="ProtocolErrorCodes"/> and
/// <see cref="EnvErrorCodes"/>); the message is for people.
/// </summary>
/// <param name="Code">The error code.</param>
/// <param name="Message">What went wrong.</param>
public readonly ref struct ErrorResponse(string Code, string Message)
{
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteStartObject(ProtocolNames.Error);
        writer.WriteString(ProtocolNames.Code, Code);
        writer.WriteString(ProtocolNames.Message, Message);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
