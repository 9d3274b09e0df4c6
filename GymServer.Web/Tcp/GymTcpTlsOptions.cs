namespace GymServer.Web.Tcp;

/// <summary>
/// TLS on the TCP listener, bound from <c>Gym:Tcp:Tls</c>. Off by default. Its certificate is
/// <see cref="Certificate"/> when given, else Kestrel's default certificate (<c>Kestrel:Certificates:Default</c>, the
/// one <c>https://</c> urls use), so one setting can serve both ports.
/// </summary>
public sealed class GymTcpTlsOptions
{
    /// <summary>Whether the TCP listener speaks TLS (and only TLS: a plain client gets <c>tls_required</c>).</summary>
    public bool Enabled { get; set; }

    /// <summary>The certificate, in the shape of Kestrel's endpoint <c>Certificate</c> section (files only).</summary>
    public TlsCertificateFile Certificate { get; set; } = new();

    /// <summary>
    /// The longest a client may take from connecting to the end of its TLS handshake; then the connection is closed.
    /// The handshake comes before a connection counts against <c>Gym:Tcp:MaxConnections</c>, so this is what bounds a
    /// client that connects and never finishes it.
    /// </summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
