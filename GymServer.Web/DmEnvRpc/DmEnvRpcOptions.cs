using GymServer.Web.Tcp;

namespace GymServer.Web.DmEnvRpc;

/// <summary>The dm_env_rpc endpoint (gRPC over HTTP/2), bound from configuration section <c>Gym:DmEnvRpc</c>.</summary>
public sealed class DmEnvRpcOptions
{
    public const string SectionName = "Gym:DmEnvRpc";

    /// <summary>Whether the node serves dm_env_rpc at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The port of its HTTP/2 endpoint, which serves nothing else. 0 picks a free port (tests).</summary>
    public int Port { get; set; } = 4041;

    /// <summary>The address to listen on: an IP, "localhost", or "*" / "0.0.0.0" for every interface.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>Streams (agents) the node serves at once; one more is refused with RESOURCE_EXHAUSTED.</summary>
    public int MaxStreams { get; set; } = 10_000;

    /// <summary>The largest request message, in bytes; a larger one ends its stream with RESOURCE_EXHAUSTED.</summary>
    public int MaxRequestBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>TLS on the endpoint (<c>Gym:DmEnvRpc:Tls</c>); off by default.</summary>
    public DmEnvRpcTlsOptions Tls { get; set; } = new();
}

/// <summary>
/// TLS on the dm_env_rpc endpoint (HTTP/2 negotiated by ALPN), in the shape of <c>Gym:Tcp:Tls</c>: its certificate is
/// <see cref="Certificate"/> when given, else Kestrel's default certificate (<c>Kestrel:Certificates:Default</c>).
/// </summary>
public sealed class DmEnvRpcTlsOptions
{
    /// <summary>Whether the endpoint speaks TLS (and only TLS).</summary>
    public bool Enabled { get; set; }

    /// <summary>The certificate, in the shape of Kestrel's endpoint <c>Certificate</c> section (files only).</summary>
    public TlsCertificateFile Certificate { get; set; } = new();

    /// <summary>The longest a client may take from connecting to the end of its TLS handshake.</summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
