using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GymServer.Web.Tcp;

/// <summary>
/// A certificate file in Kestrel's shape: <c>Path</c> and <c>KeyPath</c> for PEM (the key encrypted when
/// <c>Password</c> is given), or <c>Path</c> and <c>Password</c> for PKCS#12 (.pfx). Relative paths are taken from
/// the content root, as Kestrel takes them.
/// </summary>
public sealed class TlsCertificateFile
{
    public string? Path { get; set; }

    public string? KeyPath { get; set; }

    public string? Password { get; set; }

    public bool IsSet => !string.IsNullOrWhiteSpace(Path);

    /// <summary>
    /// Loads the certificate with its private key, and the other certificates of a PEM file (intermediates), which
    /// the server sends along so that clients trusting only the root can build the chain.
    /// </summary>
    /// <exception cref="InvalidOperationException">A file is missing or unreadable, or the certificate has no key.</exception>
    public (X509Certificate2 Certificate, X509Certificate2Collection Chain) Load(string contentRoot)
    {
        var path = System.IO.Path.Combine(contentRoot, Path!);
        try
        {
            X509Certificate2 certificate;
            var chain = new X509Certificate2Collection();
            if (KeyPath is null)
            {
                certificate = X509CertificateLoader.LoadPkcs12FromFile(path, Password);
            }
            else
            {
                var keyPath = System.IO.Path.Combine(contentRoot, KeyPath);
                certificate = Password is null
                    ? X509Certificate2.CreateFromPemFile(path, keyPath)
                    : X509Certificate2.CreateFromEncryptedPemFile(path, Password, keyPath);
                chain.ImportFromPemFile(path);
                chain.RemoveRange(chain.Find(X509FindType.FindByThumbprint, certificate.Thumbprint, validOnly: false));
            }
            return certificate.HasPrivateKey
                ? (certificate, chain)
                : throw new InvalidOperationException($"the certificate in {path} comes without its private key");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new InvalidOperationException($"cannot load the TLS certificate {path}{(KeyPath is null ? "" : $" with key {KeyPath}")}: {exception.Message}", exception);
        }
    }
}
