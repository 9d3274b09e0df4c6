using GymServer.Protocol.Binary;

namespace GymServer.Client;

/// <summary>Settings of a connection to GymServer.</summary>
public sealed class GymClientOptions
{
    /// <summary>The longest a connect (with its TLS handshake, if any) may take. Default 10 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The longest one request may wait for its reply, or <see cref="Timeout.InfiniteTimeSpan"/>. Default 60 seconds
    /// (making a Python env such as an Atari game can take a few). A request that times out closes the connection,
    /// since its reply could still arrive later and would be taken for the next request's.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The encoding to ask for at the handshake: null (the default) for binary frames when the server offers them and
    /// JSON otherwise; <see cref="GymEncoding.Binary"/> to require them; <see cref="GymEncoding.Json"/> for JSON lines
    /// only. <see cref="GymClient.Encoding"/> says what the server agreed to.
    /// </summary>
    public GymEncoding? Encoding { get; set; }

    /// <summary>
    /// The frame compressions to propose at the handshake, most wanted first (<see cref="FrameCodec.Lz4"/>,
    /// <see cref="FrameCodec.Zstd"/>); they need <see cref="GymEncoding.Binary"/>. The server picks the first it allows
    /// (<see cref="GymClient.Compression"/>) and compresses its larger binary replies with it. Default: none proposed.
    /// </summary>
    public IReadOnlyList<FrameCodec> Compression { get; set; } = [];

    /// <summary>TLS settings, for a server whose TCP port speaks TLS. Null (the default): plain TCP.</summary>
    public GymTlsOptions? Tls { get; set; }

    /// <summary>The largest reply accepted, in bytes. Default 256 MiB.</summary>
    public int MaxReplyLength { get; set; } = 256 * 1024 * 1024;
}
