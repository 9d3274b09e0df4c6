using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace GymServer.Protocol.V2;

/// <summary>
/// Parses protocol-2 request lines: one JSON object with exactly one member, the command, whose value is an object
/// of arguments (<c>{"step":{"instance":"..","action":1}}</c>). The arguments are checked by each message's reader.
/// </summary>
public static class Protocol2Parser
{
    /// <summary>The commands a client may send, as error messages list them.</summary>
    public const string CommandList = "server, make, reset, step, close, sample, list_envs, make_vec, reset_vec, step_vec, record";

    /// <summary>
    /// Duplicate member names are refused: <c>{"a":1,"a":2}</c> has no single meaning (and kwargs would not fit a
    /// dictionary).
    /// </summary>
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64, AllowDuplicateProperties = false };

    /// <summary>Parses one line (without its terminator); throws <see cref="ProtocolException"/> if it is no request.</summary>
    public static Protocol2Request Parse(in ReadOnlySequence<byte> line)
    {
        var document = ParseDocument(line);
        try
        {
            var (command, arguments) = ReadCommand(document.RootElement);
            return new Protocol2Request(command, arguments, document);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Parses the arguments of <paramref name="command"/> alone, a JSON object (the payload of a binary frame that
    /// carries JSON, such as make's), with the checks of <see cref="Parse"/>.
    /// </summary>
    public static Protocol2Request ParseArguments(in ReadOnlySequence<byte> json, Protocol2Command command)
    {
        var document = ParseDocument(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var kind = Arguments.Describe(document.RootElement);
            document.Dispose();
            throw new ProtocolException(ProtocolErrorCodes.InvalidJson, $"expected a JSON object of arguments, got {kind}");
        }
        return new Protocol2Request(command, document.RootElement, document);
    }

    /// <summary>Parses UTF-8 JSON, refusing invalid text and duplicate names with invalid_json.</summary>
    private static JsonDocument ParseDocument(in ReadOnlySequence<byte> line)
    {
        var bytes = line.IsSingleSegment ? line.First : line.ToArray();
        if (!Utf8.IsValid(bytes.Span))
        {
            throw new ProtocolException(ProtocolErrorCodes.InvalidJson, "the request is not valid UTF-8");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, Options);
        }
        catch (JsonException exception)
        {
            var at = exception.BytePositionInLine is long position ? $" (at byte {position})" : "";
            throw new ProtocolException(ProtocolErrorCodes.InvalidJson, $"the request is not valid JSON{at}");
        }
        catch (InvalidOperationException exception)
        {
            // Checking for duplicate names reads every member name, and one with an escaped lone surrogate cannot be read.
            throw new ProtocolException(ProtocolErrorCodes.InvalidJson, $"the request has a string that is not valid text: {exception.Message}");
        }
        try
        {
            RefuseLoneSurrogates(bytes.Span);
        }
        catch
        {
            document.Dispose();
            throw;
        }
        return document;
    }

    /// <summary>
    /// The JSON reader accepts an escaped lone surrogate (<c>"\ud800"</c>) but no string can hold it, so reading it
    /// later would throw where a clear error is due. Only lines with an escape are walked.
    /// </summary>
    private static void RefuseLoneSurrogates(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IndexOf("\\u"u8) < 0)
        {
            return;
        }
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = Options.MaxDepth });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    reader.GetString();
                }
            }
        }
        catch (InvalidOperationException exception)
        {
            throw new ProtocolException(ProtocolErrorCodes.InvalidJson, $"the request has a string that is not valid text: {exception.Message}");
        }
    }

    private static (Protocol2Command, JsonElement) ReadCommand(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ProtocolException(ProtocolErrorCodes.InvalidJson, $"expected a JSON object, got {Arguments.Describe(root)}");
        }
        using var members = root.EnumerateObject();
        if (!members.MoveNext())
        {
            throw new ProtocolException(ProtocolErrorCodes.InvalidRequest, $"the request object is empty: expected one of {CommandList}");
        }
        var member = members.Current;
        if (members.MoveNext())
        {
            throw new ProtocolException(ProtocolErrorCodes.InvalidRequest, "one command per request: the object has more than one member");
        }
        var command = member.Name switch
        {
            Protocol2Names.Server => Protocol2Command.Server,
            Protocol2Names.Make => Protocol2Command.Make,
            Protocol2Names.Reset => Protocol2Command.Reset,
            Protocol2Names.Step => Protocol2Command.Step,
            Protocol2Names.Close => Protocol2Command.Close,
            Protocol2Names.Sample => Protocol2Command.Sample,
            Protocol2Names.ListEnvs => Protocol2Command.ListEnvs,
            Protocol2Names.MakeVec => Protocol2Command.MakeVec,
            Protocol2Names.ResetVec => Protocol2Command.ResetVec,
            Protocol2Names.StepVec => Protocol2Command.StepVec,
            Protocol2Names.Record => Protocol2Command.Record,
            _ => throw new ProtocolException(ProtocolErrorCodes.UnknownCommand,
                $"unknown command '{member.Name}': expected one of {CommandList}"),
        };
        if (member.Value.ValueKind != JsonValueKind.Object)
        {
            throw new ProtocolException(ProtocolErrorCodes.InvalidRequest,
                $"{member.Name} must be an object of arguments, got {Arguments.Describe(member.Value)}");
        }
        return (command, member.Value);
    }
}
