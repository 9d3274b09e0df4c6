namespace GymServer.Client;

/// <summary>
/// TLS to a server whose TCP port speaks it (the server's <c>Gym:Tcp:Tls</c>). The server's certificate must chain to
/// a CA of <see cref="CaFile"/>, or without one to a root the system trusts, and be for <see cref="ServerName"/>;
/// otherwise connecting fails with <see cref="GymServerException.TlsFailed"/>.
/// </summary>
public sealed class GymTlsOptions
{
    /// <summary>
    /// A PEM file of the CA certificate(s) to trust, instead of the system's trusted roots (a private CA, a
    /// self-signed server certificate). Null (the default): the system's roots.
    /// </summary>
    public string? CaFile { get; set; }

    /// <summary>The name the server's certificate must carry, also sent as SNI. Null (the default): the host connected to.</summary>
    public string? ServerName { get; set; }
}
