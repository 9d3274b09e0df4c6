using System.Buffers.Text;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using GymServer.Protocol.Binary;

namespace GymServer.Protocol.V1;

public sealed partial class RequestParser
{
    private const int MaxSeedDigits = 1000;

    /// <summary><c>"env": {...}</c> holds exactly one of name, action, actionspace, seed.</summary>
    private GymRequest ParseEnv(ref Utf8JsonReader reader)
    {
        ReadArgumentsStart(ref reader, "env");
        GymRequest? request = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (request is not null)
            {
                throw new ProtocolException(ProtocolErrorCodes.InvalidRequest,
                    "env takes one of name, action, actionspace, seed per request", request.Value.Kind);
            }
            if (reader.ValueTextEquals(ProtocolNames.Name.EncodedUtf8Bytes))
            {
                reader.Read();
                var id = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                if (string.IsNullOrEmpty(id))
                {
                    throw new ProtocolException(ProtocolErrorCodes.InvalidRequest, "env.name must be a non-empty string", RequestKind.MakeEnv);
                }
                request = GymRequest.Of(new MakeEnvRequest(id));
            }
            else if (reader.ValueTextEquals(ProtocolNames.Action.EncodedUtf8Bytes))
            {
                request = GymRequest.Of(ParseEnvAction(ref reader));
            }
            else if (reader.ValueTextEquals(ProtocolNames.ActionSpace.EncodedUtf8Bytes))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals("sample"u8))
                {
                    throw new ProtocolException(ProtocolErrorCodes.UnknownCommand, "env.actionspace knows only \"sample\"");
                }
                request = GymRequest.Of(RequestKind.SampleAction);
            }
            else if (reader.ValueTextEquals(ProtocolNames.Seed.EncodedUtf8Bytes))
            {
                reader.Read();
                request = GymRequest.Of(new SeedRequest(ReadSeed(ref reader)));
            }
            else
            {
                throw new ProtocolException(ProtocolErrorCodes.UnknownCommand,
                    $"unknown env command '{reader.GetString()}': expected name, action, actionspace or seed");
            }
        }
        return request ?? throw new ProtocolException(ProtocolErrorCodes.InvalidRequest,
            "env needs one of name, action, actionspace, seed");
    }

    private static RequestKind ParseEnvAction(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            if (reader.ValueTextEquals("reset"u8))
            {
                return RequestKind.Reset;
            }
            if (reader.ValueTextEquals("close"u8))
            {
                return RequestKind.CloseEnv;
            }
            if (reader.ValueTextEquals("actionspace"u8))
            {
                return RequestKind.ActionSpace;
            }
            if (reader.ValueTextEquals("observationspace"u8))
            {
                return RequestKind.ObservationSpace;
            }
        }
        throw new ProtocolException(ProtocolErrorCodes.UnknownCommand,
            "env.action must be one of \"reset\", \"close\", \"actionspace\", \"observationspace\"");
    }

    /// <summary><c>"step": {"action": ..., "render": 0}</c>; the action is kept as JSON text for the env's space to read.</summary>
    private GymRequest ParseStep(ref Utf8JsonReader reader, ReadOnlyMemory<byte> line)
    {
        ReadArgumentsStart(ref reader, "step");
        ReadOnlyMemory<byte>? action = null;
        var render = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(ProtocolNames.Action.EncodedUtf8Bytes))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    // "[0, 1, 0, 0]": the JSON of the action inside a string, as some clients send it.
                    action = CopyString(ref reader);
                }
                else
                {
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    action = line[start..(int)reader.BytesConsumed];
                }
            }
            else if (reader.ValueTextEquals(ProtocolNames.Render.EncodedUtf8Bytes))
            {
                reader.Read();
                render = reader.TokenType switch
                {
                    JsonTokenType.Number => reader.TryGetDouble(out var value) && value != 0,
                    JsonTokenType.True => true,
                    JsonTokenType.False or JsonTokenType.Null => false,
                    _ => throw new ProtocolException(ProtocolErrorCodes.InvalidRequest, "step.render must be 0, 1 or a boolean", RequestKind.Step),
                };
            }
            else
            {
                throw new ProtocolException(ProtocolErrorCodes.InvalidRequest,
                    $"unknown step field '{reader.GetString()}': expected action and render", RequestKind.Step);
            }
        }
        if (action is null)
        {
            throw new ProtocolException(ProtocolErrorCodes.InvalidRequest, "step needs an action", RequestKind.Step);
        }
        return GymRequest.Of(new StepRequest(action.Value, render));
    }

    /// <summary>
    /// <c>"server": {"compression": "9"}</c>, or the handshake <c>"server": {"protocol": 2}</c>, optionally with
    /// <c>"encoding": "json"|"binary"</c> and <c>"codecs": ["lz4",..]</c>.
    /// </summary>
    private static GymRequest ParseServer(ref Utf8JsonReader reader)
    {
        ReadArgumentsStart(ref reader, "server");
        GymRequest? request = null;
        int? version = null;
        WireEncoding? encoding = null;
        string[]? codecs = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (request is not null)
            {
                throw new ProtocolException(ProtocolErrorCodes.InvalidRequest,
                    "server takes one of compression, protocol per request", request.Value.Kind);
            }
            if (reader.ValueTextEquals(ProtocolNames.Protocol.EncodedUtf8Bytes))
            {
                reader.Read();
                version = ReadSmallInteger(ref reader, out var parsedVersion) && parsedVersion is >= 0 and <= int.MaxValue
                    ? (int)parsedVersion
                    : throw new ProtocolException(EnvErrorCodes.InvalidArgument,
                        "server.protocol must be a protocol version: 1 or 2", RequestKind.Handshake);
                continue;
            }
            if (reader.ValueTextEquals(ProtocolNames.Encoding.EncodedUtf8Bytes))
            {
                reader.Read();
                encoding = reader.TokenType == JsonTokenType.String && WireEncodings.TryParse(reader.GetString(), out var parsedEncoding)
                    ? parsedEncoding
                    : throw new ProtocolException(EnvErrorCodes.InvalidArgument,
                        $"server.encoding must be one of {WireEncodings.List}", RequestKind.Handshake);
                continue;
            }
            if (reader.ValueTextEquals(ProtocolNames.Codecs.EncodedUtf8Bytes))
            {
                reader.Read();
                codecs = ReadCodecs(ref reader);
                continue;
            }
            if (!reader.ValueTextEquals(ProtocolNames.Compression.EncodedUtf8Bytes))
            {
                throw new ProtocolException(ProtocolErrorCodes.UnknownCommand,
                    $"unknown server command '{reader.GetString()}': expected compression, protocol, encoding or codecs");
            }
            if (version is not null || encoding is not null || codecs is not null)
            {
                throw new ProtocolException(ProtocolErrorCodes.InvalidRequest,
                    "server takes one of compression, protocol per request", RequestKind.Handshake);
            }
            reader.Read();
            request = ReadSmallInteger(ref reader, out var parsed) && parsed is >= 0 and <= 9
                ? GymRequest.Of(new CompressionRequest((int)parsed))
                : throw new ProtocolException(EnvErrorCodes.InvalidArgument,
                    "server.compression must be a zlib level from \"0\" (off) to \"9\"", RequestKind.Compression);
        }
        if (version is int protocol)
        {
            return GymRequest.Of(new HandshakeRequest(protocol, encoding, codecs));
        }
        if (encoding is not null || codecs is not null)
        {
            throw new ProtocolException(ProtocolErrorCodes.InvalidRequest,
                $"server.{(encoding is not null ? "encoding" : "codecs")} comes with server.protocol: 2", RequestKind.Handshake);
        }
        return request ?? throw new ProtocolException(ProtocolErrorCodes.InvalidRequest, "server needs compression or protocol");
    }

    /// <summary>The handshake's <c>codecs</c>: a list of at most <see cref="FrameCodecs.MaxProposed"/> strings.</summary>
    private static string[] ReadCodecs(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            var codecs = new List<string>();
            while (reader.Read() && reader.TokenType == JsonTokenType.String && codecs.Count < FrameCodecs.MaxProposed)
            {
                codecs.Add(reader.GetString()!);
            }
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return [.. codecs];
            }
        }
        throw new ProtocolException(EnvErrorCodes.InvalidArgument, FrameCodecs.InvalidProposal, RequestKind.Handshake);
    }

    /// <summary>Commands of the form <c>"name": {"action": "expected"}</c>.</summary>
    private static GymRequest ParseAction(ref Utf8JsonReader reader, string command, ReadOnlySpan<byte> expected, RequestKind kind)
    {
        ReadArgumentsStart(ref reader, command);
        var found = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isAction = reader.ValueTextEquals(ProtocolNames.Action.EncodedUtf8Bytes);
            reader.Read();
            if (!isAction || reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals(expected))
            {
                throw new ProtocolException(ProtocolErrorCodes.UnknownCommand,
                    $"{command} takes only {{\"action\": \"{System.Text.Encoding.UTF8.GetString(expected)}\"}}");
            }
            found = true;
        }
        return found
            ? GymRequest.Of(kind)
            : throw new ProtocolException(ProtocolErrorCodes.InvalidRequest, $"{command} needs an action", kind);
    }

    private static void ReadArgumentsStart(ref Utf8JsonReader reader, string command)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new ProtocolException(ProtocolErrorCodes.InvalidRequest,
                $"{command} must be an object of arguments, got {Describe(reader.TokenType)}");
        }
    }

    /// <summary>A seed: a string of decimal digits or a JSON integer, not negative.</summary>
    private static BigInteger ReadSeed(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number))
        {
            throw InvalidSeed();
        }
        if (reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > MaxSeedDigits)
        {
            // Escaped or very long seeds are rare, so this path may allocate.
            var raw = reader.TokenType == JsonTokenType.String ? reader.GetString()! : string.Empty;
            return ParseDigits(raw.AsSpan().Length <= MaxSeedDigits ? System.Text.Encoding.UTF8.GetBytes(raw) : []);
        }
        return ParseDigits(reader.ValueSpan);
    }

    private static BigInteger ParseDigits(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty)
        {
            throw InvalidSeed();
        }
        foreach (var b in text)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                throw InvalidSeed();
            }
        }
        if (text.Length <= 19 && Utf8Parser.TryParse(text, out ulong small, out var consumed) && consumed == text.Length)
        {
            return small;
        }
        Span<char> chars = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            chars[i] = (char)text[i];
        }
        return BigInteger.Parse(chars, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static ProtocolException InvalidSeed() =>
        new(EnvErrorCodes.InvalidArgument, "env.seed must be a non-negative integer, as a string of digits like \"3\"", RequestKind.Seed);

    /// <summary>A small integer written as a JSON number or as a string of digits.</summary>
    private static bool ReadSmallInteger(ref Utf8JsonReader reader, out long value)
    {
        value = 0;
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetInt64(out value);
        }
        if (reader.TokenType != JsonTokenType.String || reader.HasValueSequence || reader.ValueIsEscaped)
        {
            return false;
        }
        var text = reader.ValueSpan;
        return Utf8Parser.TryParse(text, out value, out var consumed) && consumed == text.Length && text.Length > 0;
    }
}
