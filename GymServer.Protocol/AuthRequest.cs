using System.Buffers;
using System.Text.Json;

namespace GymServer.Protocol;

/// <summary>
/// Reads the TCP authentication request <c>{"auth":{"token":"&lt;token&gt;"}}</c>, the first request of a connection
/// when the server requires tokens; it is answered <see cref="AuthenticatedReply"/>. Anything else (other JSON, bad
/// JSON, nesting past the reader's depth) is not one.
/// </summary>
public static class AuthRequest
{
    /// <summary>The reply to a valid token, before the reply terminator.</summary>
    public static ReadOnlySpan<byte> AuthenticatedReply => "{\"authenticated\":true}"u8;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 4 };

    /// <summary>The token of an authentication request; null when the line is not one.</summary>
    public static string? TryReadToken(ReadOnlySequence<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject
                || !reader.Read() || !reader.ValueTextEquals("auth"u8)
                || !reader.Read() || reader.TokenType != JsonTokenType.StartObject
                || !reader.Read() || !reader.ValueTextEquals("token"u8)
                || !reader.Read() || reader.TokenType != JsonTokenType.String)
            {
                return null;
            }
            var token = reader.GetString();
            var closed = reader.Read() && reader.TokenType == JsonTokenType.EndObject
                && reader.Read() && reader.TokenType == JsonTokenType.EndObject
                && !reader.Read();
            return closed ? token : null;
        }
        catch (JsonException)
        {
            // Not JSON (or not UTF-8): not an authentication request, which is what the caller reports.
            return null;
        }
    }
}
