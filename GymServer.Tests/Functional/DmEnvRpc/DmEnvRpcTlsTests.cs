using Grpc.Core;
using Grpc.Net.Client;
using GymServer.Tests.Infrastructure;
using GymServer.Web.DmEnvRpc.V1;
using static GymServer.Tests.Functional.DmEnvRpc.DmEnvRpcTestClient;

namespace GymServer.Tests.Functional.DmEnvRpc;

/// <summary>
/// TLS on the dm_env_rpc endpoint, configured as the TCP port's is (<c>Gym:DmEnvRpc:Tls</c> in the shape of
/// <c>Gym:Tcp:Tls</c>): its own PEM certificate, or Kestrel's default one; the client verifies it against the test CA.
/// </summary>
public sealed class DmEnvRpcTlsTests(TestCertificates certificates) : IClassFixture<TestCertificates>
{
    [Fact]
    public Task OwnPemCertificateServesGrpcOverTls() => AssertServesOverTlsAsync(new Dictionary<string, string?>
    {
        ["Gym:DmEnvRpc:Tls:Enabled"] = "true",
        ["Gym:DmEnvRpc:Tls:Certificate:Path"] = certificates.CertificateFile,
        ["Gym:DmEnvRpc:Tls:Certificate:KeyPath"] = certificates.KeyFile,
    });

    [Fact]
    public Task KestrelsDefaultPfxCertificateServesGrpcOverTls() => AssertServesOverTlsAsync(new Dictionary<string, string?>
    {
        ["Gym:DmEnvRpc:Tls:Enabled"] = "true",
        ["Kestrel:Certificates:Default:Path"] = certificates.PfxFile,
        ["Kestrel:Certificates:Default:Password"] = TestCertificates.PfxPassword,
    });

    private async Task AssertServesOverTlsAsync(Dictionary<string, string?> settings)
    {
        await using var server = GymServerFactory.With(settings);
        using var handler = new SocketsHttpHandler { SslOptions = certificates.TrustingTestCa("127.0.0.1") };
        using var channel = GrpcChannel.ForAddress($"https://127.0.0.1:{server.DmEnvRpcPort}",
            new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = false });
        await using (var client = Connect(channel))
        {
            await client.CreateAndJoinAsync("CartPole-v1");
            Assert.Equal(EnvironmentStateType.Running, (await client.StepAsync(null)).State);
        }

        // Plain HTTP/2 to the TLS port gets no gRPC answer: the call fails on its first write or read, as an RpcException
        // or, when the write itself finds the connection refused, as the HTTP/2 handshake's IOException.
        await using var plain = Connect(server);
        var refused = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await plain.WriteAsync(CreateWorld("CartPole-v1"));
            await plain.MoveNextAsync();
        });
        Assert.True(refused is RpcException or IOException, $"not a refused call: {refused}");
    }
}
