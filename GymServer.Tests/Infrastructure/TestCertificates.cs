using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GymServer.Tests.Infrastructure;

/// <summary>
/// A test CA and a server certificate it signs for localhost and 127.0.0.1, made at test time, written to a folder of
/// their own as the server reads them: PEM (<see cref="CertificateFile"/> with <see cref="KeyFile"/> or
/// <see cref="EncryptedKeyFile"/>) and PKCS#12 (<see cref="PfxFile"/>). <see cref="OtherCaFile"/> is a second CA that
/// signed nothing, for clients that must refuse the server. The folder is deleted on dispose.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    public const string PfxPassword = "test-pfx-password";

    public const string KeyPassword = "test-key-password";

    public TestCertificates()
    {
        Directory = Path.Combine(Path.GetTempPath(), "gym-tls-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        var notBefore = DateTimeOffset.UtcNow.AddDays(-1);
        var notAfter = DateTimeOffset.UtcNow.AddDays(30);
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Ca = CreateCa("CN=GymServer Test CA", caKey, notBefore, notAfter);
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = CreateCa("CN=GymServer Other CA", otherKey, notBefore, notAfter);

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Ca, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var server = request.Create(Ca, notBefore, notAfter, serial);
        using var serverWithKey = server.CopyWithPrivateKey(serverKey);

        File.WriteAllText(CaFile, Ca.ExportCertificatePem());
        File.WriteAllText(OtherCaFile, other.ExportCertificatePem());
        File.WriteAllText(CertificateFile, server.ExportCertificatePem());
        File.WriteAllText(KeyFile, serverKey.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(EncryptedKeyFile, serverKey.ExportEncryptedPkcs8PrivateKeyPem(
            KeyPassword, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000)));
        File.WriteAllBytes(PfxFile, serverWithKey.Export(X509ContentType.Pfx, PfxPassword));
    }

    public string Directory { get; }

    /// <summary>The test CA's certificate.</summary>
    public X509Certificate2 Ca { get; }

    public string CaFile => Path.Combine(Directory, "ca.pem");

    public string OtherCaFile => Path.Combine(Directory, "other-ca.pem");

    public string CertificateFile => Path.Combine(Directory, "server.pem");

    public string KeyFile => Path.Combine(Directory, "server.key");

    /// <summary>The server's key encrypted with <see cref="KeyPassword"/>.</summary>
    public string EncryptedKeyFile => Path.Combine(Directory, "server-encrypted.key");

    public string PfxFile => Path.Combine(Directory, "server.pfx");

    /// <summary>Settings that put TLS on the TCP listener with the PEM certificate.</summary>
    public Dictionary<string, string?> TcpTlsSettings() => new()
    {
        ["Gym:Tcp:Tls:Enabled"] = "true",
        ["Gym:Tcp:Tls:Certificate:Path"] = CertificateFile,
        ["Gym:Tcp:Tls:Certificate:KeyPath"] = KeyFile,
    };

    /// <summary>A client's TLS options that trust the test CA alone (not the system's roots) for <paramref name="host"/>.</summary>
    public SslClientAuthenticationOptions TrustingTestCa(string host = "localhost") => TrustingOnly(Ca, host);

    public static SslClientAuthenticationOptions TrustingOnly(X509Certificate2 ca, string host) => new()
    {
        TargetHost = host,
        CertificateChainPolicy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            CustomTrustStore = { ca },
            RevocationMode = X509RevocationMode.NoCheck,
        },
    };

    public void Dispose()
    {
        Ca.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static X509Certificate2 CreateCa(string subject, ECDsa key, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(notBefore, notAfter);
    }
}
