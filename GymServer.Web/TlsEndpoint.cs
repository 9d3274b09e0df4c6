using GymServer.Web.Tcp;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace GymServer.Web;

/// <summary>
/// TLS on one of the node's own listeners (the TCP port, the dm_env_rpc port): Kestrel's TLS middleware, the one
/// HTTPS uses, with the listener's certificate when its section names one, else Kestrel's default certificate
/// (<c>Kestrel:Certificates:Default</c>), so one setting can serve every port.
/// </summary>
public static class TlsEndpoint
{
    /// <summary>
    /// Loads the certificate once, and returns what puts TLS on a listener (an address may be bound several times:
    /// IPv4 and IPv6 for localhost).
    /// </summary>
    /// <param name="certificateFile">The section's certificate; unset for Kestrel's default.</param>
    /// <param name="handshakeTimeout">The longest a client may take to finish its handshake.</param>
    /// <param name="section">The section's name for errors, e.g. <c>Gym:Tcp:Tls</c>.</param>
    /// <param name="contentRoot">What relative certificate paths are taken from.</param>
    public static Action<ListenOptions> Https(TlsCertificateFile certificateFile, TimeSpan handshakeTimeout, string section, string contentRoot)
    {
        var (certificate, chain) = certificateFile.IsSet ? certificateFile.Load(contentRoot) : (null, null);
        return listen =>
        {
            try
            {
                listen.UseHttps(https =>
                {
                    https.HandshakeTimeout = handshakeTimeout;
                    if (certificate is not null)
                    {
                        https.ServerCertificate = certificate;
                        https.ServerCertificateChain = chain;
                    }
                });
            }
            catch (InvalidOperationException exception) when (certificate is null)
            {
                throw new InvalidOperationException(
                    $"{section}:Enabled is true but no certificate is configured: set {section}:Certificate:Path (with "
                    + "KeyPath for PEM, or Password for a .pfx) or Kestrel:Certificates:Default", exception);
            }
        };
    }
}
