using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace GymServer.Client;

/// <summary>Opening the connection's stream over TLS (<see cref="GymClientOptions.Tls"/>).</summary>
public sealed partial class GymConnection
{
    /// <summary>Completes a TLS handshake over <paramref name="network"/> and returns the encrypted stream.</summary>
    private static async Task<Stream> AuthenticateAsync(Stream network, string host, int port, GymTlsOptions tls, CancellationToken token)
    {
        var options = new SslClientAuthenticationOptions { TargetHost = tls.ServerName ?? host };
        if (tls.CaFile is not null)
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPemFile(tls.CaFile);
            if (roots.Count == 0)
            {
                throw new ArgumentException($"the CA file {tls.CaFile} holds no PEM certificate", nameof(tls));
            }
            options.CertificateChainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                // SslStream's own default: a private CA rarely publishes revocation lists.
                RevocationMode = X509RevocationMode.NoCheck,
            };
            options.CertificateChainPolicy.CustomTrustStore.AddRange(roots);
        }
        var stream = new SslStream(network, leaveInnerStreamOpen: false);
        try
        {
            await stream.AuthenticateAsClientAsync(options, token).ConfigureAwait(false);
            return stream;
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw new GymServerException(GymServerException.TlsFailed,
                $"the TLS handshake with GymServer at {host}:{port} failed (is its certificate trusted and for {options.TargetHost}, and does the port speak TLS?): {e.Message}", e);
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
