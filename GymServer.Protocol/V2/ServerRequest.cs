using System.Text.Json;
using GymServer.Protocol.Binary;

namespace GymServer.Protocol.V2;

/// <summary>
/// <c>{"server":{"protocol":2}}</c> on a protocol-2 connection: the handshake again, answered the same way. Going back
/// to protocol 1 is refused. <c>"encoding"</c> ("json" or "binary") changes the encoding, <c>"codecs"</c> the frame
/// compression. Replies <see cref="HandshakeResponse"/>.
/// </summary>
/// <param name="Protocol">The protocol version asked for.</param>
/// <param name="Encoding">The encoding asked for, or null to keep the current one.</param>
/// <param name="Codecs">The frame compressions proposed, most wanted first, or null for none.</param>
public sealed record ServerRequest(int Protocol, WireEncoding? Encoding = null, IReadOnlyList<string>? Codecs = null)
{
    public static ServerRequest Read(JsonElement arguments)
    {
        Arguments.OnlyKnown(arguments, Protocol2Names.Server, Protocol2Names.Protocol, Protocol2Names.Encoding, Protocol2Names.Codecs);
        string[]? codecs = null;
        if (arguments.TryGetProperty(Protocol2Names.Codecs, out var proposed))
        {
            codecs = proposed.ValueKind == JsonValueKind.Array && proposed.GetArrayLength() <= FrameCodecs.MaxProposed
                && proposed.EnumerateArray().All(name => name.ValueKind == JsonValueKind.String)
                ? [.. proposed.EnumerateArray().Select(name => name.GetString()!)]
                : throw new ProtocolException(EnvErrorCodes.InvalidArgument, FrameCodecs.InvalidProposal);
        }
        WireEncoding? encoding = null;
        if (arguments.TryGetProperty(Protocol2Names.Encoding, out var name))
        {
            encoding = name.ValueKind == JsonValueKind.String && WireEncodings.TryParse(name.GetString(), out var parsed)
                ? parsed
                : throw new ProtocolException(EnvErrorCodes.InvalidArgument,
                    $"server.encoding must be one of {WireEncodings.List}, got {name.GetRawText()}");
        }
        if (!arguments.TryGetProperty(Protocol2Names.Protocol, out var protocol))
        {
            throw Arguments.Invalid("server needs protocol");
        }
        return protocol.ValueKind == JsonValueKind.Number && protocol.TryGetInt32(out var version)
            ? new ServerRequest(version, encoding, codecs)
            : throw new ProtocolException(EnvErrorCodes.InvalidArgument,
                $"server.protocol must be a protocol version: 2, got {protocol.GetRawText()}");
    }
}
