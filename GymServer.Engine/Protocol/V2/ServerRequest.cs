using System.Text.Json;

namespace GymServer.Engine.Protocol.V2;

/// <summary>
/// <c>{"server":{"protocol":2}}</c> on a protocol-2 connection: the handshake again, answered the same way. Going back
/// to protocol 1 is refused. Replies <see cref="HandshakeResponse"/>.
/// </summary>
/// <param name="Protocol">The protocol version asked for.</param>
public sealed record ServerRequest(int Protocol)
{
    public static ServerRequest Read(JsonElement arguments)
    {
        Arguments.OnlyKnown(arguments, Protocol2Names.Server, Protocol2Names.Protocol);
        if (!arguments.TryGetProperty(Protocol2Names.Protocol, out var protocol))
        {
            throw Arguments.Invalid("server needs protocol");
        }
        return protocol.ValueKind == JsonValueKind.Number && protocol.TryGetInt32(out var version)
            ? new ServerRequest(version)
            : throw new ProtocolException(Environments.EnvErrorCodes.InvalidArgument,
                $"server.protocol must be a protocol version: 2, got {protocol.GetRawText()}");
    }
}
