using System.Net;
using GymServer.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace GymServer.Tests.Functional.Tls;

/// <summary>
/// HTTPS with Kestrel's own certificate settings, and one certificate for both ports: the server started as a
/// process the way the README says, and in the test host with a Kestrel endpoint section.
/// </summary>
public sealed class HttpsTests(TestCertificates certificates) : IClassFixture<TestCertificates>
{
    [Fact]
    public async Task KestrelsDefaultCertificateServesHttpsAndTheTcpPort()
    {
        await using var server = await TlsServerProcess.StartAsync(
            "--urls", "https://127.0.0.1:0",
            "--Gym:Tcp:Port=0",
            $"--Kestrel:Certificates:Default:Path={certificates.CertificateFile}",
            $"--Kestrel:Certificates:Default:KeyPath={certificates.KeyFile}",
            "--Gym:Tcp:Tls:Enabled=true");

        var https = Assert.Single(server.Addresses, address => address.Port != server.TcpPort);
        Assert.Equal("https", https.Scheme);
        using var http = TrustingTestCa();
        Assert.Equal("Healthy", await http.GetStringAsync(new Uri(https, "/healthz")));

        await using var client = await GymTestClient.ConnectTlsAsync(server.TcpPort, certificates.TrustingTestCa("127.0.0.1"));
        Assert.Equal(2, (await client.RequestAsync(Protocol2.Handshake)).GetProperty("protocol").GetInt32());
        var instance = await client.MakeAsync("FrozenLake-v1");
        Assert.Equal(0, (await client.SendAsync("reset", new { instance, seed = 1 })).GetProperty("observation").GetInt32());
    }

    [Fact]
    public async Task AKestrelEndpointWithAPfxCertificateServesHttps()
    {
        await using var server = GymServerFactory.With(new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Secure:Url"] = "https://127.0.0.1:0",
            ["Kestrel:Endpoints:Secure:Certificate:Path"] = certificates.PfxFile,
            ["Kestrel:Endpoints:Secure:Certificate:Password"] = TestCertificates.PfxPassword,
        });
        var https = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(address => new Uri(address))
            .Single(address => address.Scheme == "https");
        using var http = TrustingTestCa();
        using var response = await http.GetAsync(new Uri(https, "/healthz"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using var untrusting = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => untrusting.GetAsync(new Uri(https, "/healthz")));
    }

    private HttpClient TrustingTestCa() => new(new SocketsHttpHandler { SslOptions = certificates.TrustingTestCa("127.0.0.1") })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };
}
