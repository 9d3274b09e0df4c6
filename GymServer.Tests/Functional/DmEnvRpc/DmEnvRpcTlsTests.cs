using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;
using GymServer.Web.DmEnvRpc.V1;
using static GymServer.Tests.Functional.DmEnvRpc.DmEnvRpcTestClient;

namespace GymServer.Tests.Functional.DmEnvRpc;

/// <summary>TLS on the dm_env_rpc endpoint with Kestrel's default certificate, as https:// urls use it.</summary>
public sealed class DmEnvRpcTlsTests
{
    [Fact]
    public async Task TlsEndpointServesGrpcOverHttpsWithTheConfiguredCertificate()
    {
        var folder = Directory.CreateTempSubdirectory("gym-tls-");
        try
        {
            using var certificate = SelfSigned();
            var pfx = Path.Combine(folder.FullName, "server.pfx");
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-password"));
            await using var server = GymServerFactory.With(new Dictionary<string, string?>
            {
                ["Gym:DmEnvRpc:Tls:Enabled"] = "true",
                ["Kestrel:Certificates:Default:Path"] = pfx,
                ["Kestrel:Certificates:Default:Password"] = "pfx-password",
            });
            using var handler = new SocketsHttpHandler();
            // Trust exactly this certificate: the test has no CA.
            handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
                presented is not null && presented.GetCertHashString() == certificate.GetCertHashString();
            using var channel = GrpcChannel.ForAddress($"https://127.0.0.1:{server.DmEnvRpcPort}",
                new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = false });
            await using var client = Connect(channel);
            await client.CreateAndJoinAsync("CartPole-v1");
            Assert.Equal(EnvironmentStateType.Running, (await client.StepAsync(null)).State);

            // Plain HTTP/2 to the TLS port gets no gRPC answer.
            await using var plain = Connect(server);
            await plain.WriteAsync(CreateWorld("CartPole-v1"));
            await Assert.ThrowsAsync<Grpc.Core.RpcException>(plain.MoveNextAsync);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
    }
}
