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
    /// <summary>
    /// Whether <paramref name="reply"/> is an error reply; if so its code and message, each null when the reply lacks
    /// it (a client's side of <see cref="WriteTo"/>).
    /// </summary>
    public static bool TryRead(JsonElement reply, out string? code, out string? message)
    {
        code = message = null;
        if (reply.ValueKind != JsonValueKind.Object || !reply.TryGetProperty(ProtocolNames.Error.EncodedUtf8Bytes, out var error))
        {
            return false;
        }
        if (error.ValueKind == JsonValueKind.Object)
        {
            code = error.TryGetProperty(ProtocolNames.Code.EncodedUtf8Bytes, out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            message = error.TryGetProperty(ProtocolNames.Message.EncodedUtf8Bytes, out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        }
        return true;
    }

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
