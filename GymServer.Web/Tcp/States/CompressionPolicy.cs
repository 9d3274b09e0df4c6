using GymServer.Protocol;
using GymServer.Protocol.Binary;

namespace GymServer.Web.Tcp.States;

/// <summary>
/// What the node allows of binary-frame compression (<c>Gym:Tcp:Compression</c>, <c>Gym:Tcp:CompressionMinBytes</c>),
/// and how a handshake's proposal becomes a connection's codec.
/// </summary>
/// <param name="Allowed">The codecs a client may get; empty turns compression off.</param>
/// <param name="MinPayloadLength">Frames with shorter payloads go uncompressed.</param>
public sealed record CompressionPolicy(IReadOnlyCollection<FrameCodec> Allowed, int MinPayloadLength)
{
    /// <summary>Every codec, above <see cref="FrameCompression.DefaultMinPayloadLength"/>.</summary>
    public static CompressionPolicy Default { get; } = new(FrameCodecs.Compressing, FrameCompression.DefaultMinPayloadLength);

    public static CompressionPolicy From(GymTcpOptions options) => new(options.AllowedCodecs(), options.CompressionMinBytes);

    /// <summary>
    /// The compression a handshake agrees to: null when it proposed none (frames go uncompressed), else the first
    /// codec proposed that this node allows, <see cref="FrameCodec.None"/> if there is none. Codecs compress binary
    /// frames only, so proposing them needs the binary encoding.
    /// </summary>
    public FrameCompression? Agree(IReadOnlyList<string>? proposed, WireEncoding encoding)
    {
        if (proposed is null)
        {
            return null;
        }
        if (encoding != WireEncoding.Binary)
        {
            throw new ProtocolException(EnvErrorCodes.InvalidArgument,
                "server.codecs compress binary frames: ask for \"encoding\":\"binary\" with them");
        }
        return new FrameCompression(FrameCodecs.Choose(proposed, Allowed), MinPayloadLength);
    }
}
