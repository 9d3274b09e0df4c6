using GymServer.Protocol.Binary;

namespace GymServer.Web.Tcp;

/// <summary>
/// The TCP listener and its limits, bound from configuration section <c>Gym:Tcp</c>. The limits on envs and steps are
/// the node's (<c>Gym:Node</c>, see Engine/Nodes/NodeOptions), whatever protocol or API the client uses.
/// </summary>
public sealed class GymTcpOptions
{
    public const string SectionName = "Gym:Tcp";

    /// <summary>The port gym_tcp_api's clients connect to. 0 picks a free port (tests).</summary>
    public int Port { get; set; } = 4040;

    /// <summary>The address to listen on: an IP, "localhost", or "*" / "0.0.0.0" for every interface.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The longest request line, in bytes without its terminator; longer ones get line_too_long.</summary>
    public int MaxLineLength { get; set; } = 1024 * 1024;

    /// <summary>Connections this node serves at once; one more gets too_many_connections and is closed.</summary>
    public int MaxConnections { get; set; } = 10_000;

    /// <summary>A connection that sends nothing for this long gets idle_timeout and is closed.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>
    /// Replies one connection may have waiting for its socket. When they are all waiting (the client does not read),
    /// the connection stops reading requests, so a slow client slows only itself.
    /// </summary>
    public int ReplyQueueCapacity { get; set; } = 16;

    /// <summary>
    /// Bytes of replies one connection may have waiting for its socket (4 MiB: ten Atari frames as protocol-1 JSON).
    /// Past it the connection stops reading requests until its client has taken enough; a single larger reply still
    /// goes out whole. The node's total has a cap too, <c>Gym:Node:MaxQueuedReplyBytes</c>; see <see cref="ReplyMemory"/>.
    /// </summary>
    public long MaxQueuedReplyBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>
    /// Kestrel's <c>UnsafePreferInlineScheduling</c> (for the HTTP side too): a socket's data is handed to its
    /// connection, and a reply to its socket, on the thread that has it, with no hop to the thread pool and the I/O
    /// queues. On by default: replies then go out from the thread that made them, one thread hop per request fewer.
    /// With it, each connection still takes its requests in turn on the thread pool (see
    /// <see cref="GymConnection"/>), so a client that answers quickly cannot keep a socket thread to itself while
    /// other connections wait. Nothing in request handling blocks (native envs compute and return, remote envs are
    /// awaited), which is what makes inline scheduling safe here. bench/README.md has the figures both ways.
    /// </summary>
    public bool InlineScheduling { get; set; } = true;

    /// <summary>
    /// Kestrel's socket I/O queues (<c>SocketTransportOptions.IOQueueCount</c>); 0 keeps Kestrel's default (one per
    /// core, at most 16). Without <see cref="InlineScheduling"/>, each queue's thread sends the replies of the
    /// connections given to it.
    /// </summary>
    public int IoQueueCount { get; set; }

    /// <summary>
    /// The frame compressions a protocol-2 client may ask for at its handshake ("lz4", "zstd"); null (the default)
    /// allows both, ["none"] none. A client that proposes only codecs left out here gets "none".
    /// </summary>
    public string[]? Compression { get; set; }

    /// <summary>Binary frames whose payload is shorter than this are sent uncompressed: too small to gain.</summary>
    public int CompressionMinBytes { get; set; } = FrameCompression.DefaultMinPayloadLength;

    /// <summary>The codecs <see cref="Compression"/> allows; it names only known ones (checked at start).</summary>
    public IReadOnlyCollection<FrameCodec> AllowedCodecs() => Compression is null
        ? FrameCodecs.Compressing
        : [.. Compression.Select(name => FrameCodecs.TryParse(name, out var codec) ? codec : FrameCodec.None).Where(codec => codec != FrameCodec.None).Distinct()];

    /// <summary>Whether every name in <see cref="Compression"/> is a codec's.</summary>
    public bool CompressionNamesKnown() => Compression is null || Compression.All(name => FrameCodecs.TryParse(name, out _));

    /// <summary>TLS on this listener (<c>Gym:Tcp:Tls</c>); off by default.</summary>
    public GymTcpTlsOptions Tls { get; set; } = new();
}
