using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace GymServer.Protocol.V1;

/// <summary>
/// Parses protocol-1 request lines straight from their UTF-8 bytes with <see cref="Utf8JsonReader"/>. One instance
/// per connection: it owns the scratch buffers a line is copied into when it spans several pipe segments, so the
/// common case (a line in one segment) copies nothing and a step allocates nothing.
/// </summary>
/// <remarks>
/// A request is one JSON object with exactly one member, the command: <c>env</c>, <c>step</c>, <c>server</c>,
/// <c>record_episode_stats</c> or <c>url</c>, whose value is an object of arguments.
/// </remarks>
public sealed partial class RequestParser
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    private byte[] _lineCopy = [];
    private byte[] _stringCopy = [];

    /// <summary>
    /// Parses one line (without its terminator). Throws <see cref="ProtocolException"/> for a line that is not a
    /// request, with the command's kind set when it was recognised. Memory in the result (a step's action) stays
    /// valid until the next call and as long as <paramref name="line"/>'s buffer.
    /// </summary>
    public GymRequest Parse(in ReadOnlySequence<byte> line)
    {
        var bytes = line.IsSingleSegment ? line.First : CopyLine(line);
        if (!Utf8.IsValid(bytes.Span))
        {
            throw new ProtocolException(ProtocolErrorCodes.InvalidJson, "the request is not valid UTF-8");
        }
        try
        {
            return ParseJson(bytes);
        }
        catch (JsonException exception)
        {
            throw new ProtocolException(ProtocolErrorCodes.InvalidJson, $"the request is not valid JSON: {Describe(exception)}");
        }
        catch (InvalidOperationException exception)
        {
            // Utf8JsonReader accepts an escaped lone surrogate ("\ud800") as a token but refuses to unescape it.
            throw new ProtocolException(ProtocolErrorCodes.InvalidJson, $"the request has a string that is not valid text: {exception.Message}");
        }
    }

    private GymRequest ParseJson(ReadOnlyMemory<byte> bytes)
    {
        var reader = new Utf8JsonReader(bytes.Span, ReaderOptions);
        if (!reader.Read())
        {
            throw new ProtocolException(ProtocolErrorCodes.InvalidJson, "the request is empty: expected a JSON object");
        }
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new ProtocolException(ProtocolErrorCodes.InvalidJson, $"expected a JSON object, got {Describe(reader.TokenType)}");
        }
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            throw new ProtocolException(ProtocolErrorCodes.InvalidRequest, $"the request object is empty: expected one of {CommandList}");
        }

        var request = ParseCommand(ref reader, bytes);

        reader.Read();
        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new ProtocolException(ProtocolErrorCodes.InvalidRequest, "one command per request: the object has more than one member", request.Kind);
        }
        // Anything after the object (but whitespace) makes this throw, so "{...}{...}" on one line is refused.
        if (reader.Read())
        {
            throw new ProtocolException(ProtocolErrorCodes.InvalidJson, "unexpected data after the request object", request.Kind);
        }
        return request;
    }

    private GymRequest ParseCommand(ref Utf8JsonReader reader, ReadOnlyMemory<byte> bytes)
    {
        if (reader.ValueTextEquals(ProtocolNames.Env.EncodedUtf8Bytes))
        {
            return ParseEnv(ref reader);
        }
        if (reader.ValueTextEquals(ProtocolNames.Step.EncodedUtf8Bytes))
        {
            return ParseStep(ref reader, bytes);
        }
        if (reader.ValueTextEquals(ProtocolNames.Server.EncodedUtf8Bytes))
        {
            return ParseServer(ref reader);
        }
        if (reader.ValueTextEquals(ProtocolNames.RecordEpisodeStats.EncodedUtf8Bytes))
        {
            return ParseAction(ref reader, "record_episode_stats", "start"u8, RequestKind.RecordEpisodeStats);
        }
        if (reader.ValueTextEquals(ProtocolNames.Url.EncodedUtf8Bytes))
        {
            return ParseAction(ref reader, "url", "url"u8, RequestKind.Url);
        }
        throw new ProtocolException(ProtocolErrorCodes.UnknownCommand, $"unknown command '{reader.GetString()}': expected one of {CommandList}");
    }

    private const string CommandList = "env, step, server, record_episode_stats, url";

    private ReadOnlyMemory<byte> CopyLine(in ReadOnlySequence<byte> line)
    {
        var length = checked((int)line.Length);
        if (_lineCopy.Length < length)
        {
            _lineCopy = new byte[Math.Max(length, _lineCopy.Length * 2)];
        }
        line.CopyTo(_lineCopy);
        return _lineCopy.AsMemory(0, length);
    }

    /// <summary>Copies the unescaped content of the current string token into the parser's buffer.</summary>
    private ReadOnlyMemory<byte> CopyString(ref Utf8JsonReader reader)
    {
        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        if (_stringCopy.Length < length)
        {
            _stringCopy = new byte[Math.Max(length, Math.Max(64, _stringCopy.Length * 2))];
        }
        var written = reader.CopyString(_stringCopy);
        return _stringCopy.AsMemory(0, written);
    }

    private static string Describe(JsonException exception) =>
        exception.BytePositionInLine is long position
            ? $"{FirstSentence(exception.Message)} (at byte {position})"
            : FirstSentence(exception.Message);

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends "LineNumber: .. | BytePositionInLine: .." which the position above replaces.
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "a list",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        _ => token.ToString(),
    };
}
