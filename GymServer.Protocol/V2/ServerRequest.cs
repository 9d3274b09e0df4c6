using System.Text.Json;

namespace GymServer.Protocol.V2;

/// <summary>
/// <c>{"server":{"protocol":2}}</c> on a protocol-2 connection: the handshake again, answered the same way. Going back
/// to protocol 1 is refused. <c>"encoding"</c> ("json" or "binary") changes the encoding. Replies <see cref="HandshakeResponse"/>.
/// </summary>
/// <param name="Protocol">The protocol version asked for.</param>
/// <param name="Encoding">The encoding asked for, or null to keep the current one.</param>
public sealed record ServerRequest(int Protocol, WireEncoding? Encoding = null)
{
    public static ServerRequest Read(JsonElement arguments)
    {
        Arguments.OnlyKnown(arguments, Protocol2Names.Server, Protocol2Names.Protocol, Protocol2Names.Encoding);
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
            ? new ServerRequest(version, encoding)
            : throw new ProtocolException(EnvErrorCodes.InvalidArgument,
                $"server.protocol must be a protocol version: 2, got {protocol.GetRawText()}");
    }
}
