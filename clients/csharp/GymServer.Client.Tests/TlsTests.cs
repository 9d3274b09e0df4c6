using System.Text.Json.Nodes;
using GymServer.Tests.Infrastructure;

namespace GymServer.Client.Tests;

/// <summary>
/// The client over TLS (<see cref="GymClientOptions.Tls"/>) against a server whose TCP port speaks TLS only, with a
/// certificate made at test time: both encodings and protocol 1, and the servers it must refuse to talk to.
/// </summary>
public sealed class TlsTests : IClassFixture<TestCertificates>, IAsyncLifetime
{
    private readonly TestCertificates _certificates;
    private readonly ServerFixture _server;

    public TlsTests(TestCertificates certificates)
    {
        _certificates = certificates;
        _server = ServerFixture.WithTls(certificates);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Protocol2RunsOverTlsTrustingTheCaFile()
    {
        await using var client = await ConnectAsync(new GymTlsOptions { CaFile = _certificates.CaFile });
        Assert.StartsWith("GymServer ", client.ServerVersion);
        await using var env = await client.MakeAsync("CartPole-v1");
        // Gymnasium 1.2.2: CartPole-v1 reset(seed=3), as RemoteEnvTests has it in plain TCP.
        var observation = (float[])(await env.ResetAsync(seed: 3)).Observation;
        Assert.Equal([-0.041435081511735916f, -0.026318948715925217f, 0.030127447098493576f, 0.008216203190386295f], observation);
        Assert.Equal(1.0, (await env.StepAsync(1L)).Reward);
    }

    [Fact]
    public async Task BinaryVectorStepsOverTlsEqualJsonOnes()
    {
        var tls = new GymTlsOptions { CaFile = _certificates.CaFile };
        await using var binary = await ConnectAsync(tls, GymEncoding.Binary);
        await using var json = await ConnectAsync(tls, GymEncoding.Json);
        Assert.Equal(GymEncoding.Binary, binary.Encoding);
        await using var binaryVector = await binary.MakeVecAsync("CartPole-v1", 64);
        await using var jsonVector = await json.MakeVecAsync("CartPole-v1", 64);
        await binaryVector.ResetAsync(seed: 5);
        await jsonVector.ResetAsync(seed: 5);
        var actions = Enumerable.Range(0, 64).Select(i => (object)(long)(i % 2)).ToArray();
        for (var t = 0; t < 20; t++)
        {
            var fromBinary = await binaryVector.StepAsync(actions);
            var fromJson = await jsonVector.StepAsync(actions);
            for (var i = 0; i < 64; i++)
            {
                Assert.Equal((float[])fromJson.Observations[i], (float[])fromBinary.Observations[i]);
            }
            Assert.Equal(fromJson.Terminated, fromBinary.Terminated);
        }
    }

    [Fact]
    public async Task Protocol1WithCompressionRunsOverTls()
    {
        await using var connection = await GymConnection.ConnectAsync("127.0.0.1", _server.TcpPort,
            new GymClientOptions { Tls = new GymTlsOptions { CaFile = _certificates.CaFile } });
        Assert.True((await connection.RequestAsync(JsonNode.Parse("""{"env":{"name":"CartPole-v1"}}""")!)).TryGetProperty("instance", out _));
        await connection.SendAsync(JsonNode.Parse("""{"server":{"compression":"9"}}""")!);
        Assert.True(connection.RepliesCompressed);
        var reset = await connection.RequestAsync(JsonNode.Parse("""{"env":{"action":"reset"}}""")!);
        Assert.Equal(4, reset.GetProperty("observation").GetArrayLength());
    }

    [Fact]
    public async Task AServerNameOtherThanTheHostIsChecked()
    {
        await using (var client = await ConnectAsync(new GymTlsOptions { CaFile = _certificates.CaFile, ServerName = "localhost" }))
        {
            Assert.StartsWith("GymServer ", client.ServerVersion);
        }
        var error = await Assert.ThrowsAsync<GymServerException>(() =>
            ConnectAsync(new GymTlsOptions { CaFile = _certificates.CaFile, ServerName = "gymserver.example" }));
        Assert.Equal(GymServerException.TlsFailed, error.Code);
    }

    [Fact]
    public async Task AServerTheClientDoesNotTrustIsRefused()
    {
        // Another CA, then the system's roots, which do not hold the test CA.
        foreach (var tls in new[] { new GymTlsOptions { CaFile = _certificates.OtherCaFile }, new GymTlsOptions() })
        {
            var error = await Assert.ThrowsAsync<GymServerException>(() => ConnectAsync(tls));
            Assert.Equal(GymServerException.TlsFailed, error.Code);
            Assert.Contains("TLS handshake", error.Message, StringComparison.Ordinal);
        }
        await using var trusted = await ConnectAsync(new GymTlsOptions { CaFile = _certificates.CaFile });
        await using var env = await trusted.MakeAsync("CartPole-v1");
    }

    [Fact]
    public async Task PlainTcpToTheTlsPortGetsTlsRequired()
    {
        var error = await Assert.ThrowsAsync<GymServerException>(() => GymClient.ConnectAsync("127.0.0.1", _server.TcpPort));
        Assert.Equal("tls_required", error.Code);
    }

    [Fact]
    public async Task TlsToAPlainPortFailsWithinTheConnectTimeout()
    {
        await using var plain = new ServerFixture();
        var options = new GymClientOptions
        {
            Tls = new GymTlsOptions { CaFile = _certificates.CaFile },
            ConnectTimeout = TimeSpan.FromSeconds(1),
        };
        // The plain server takes the ClientHello for a request line: it waits for its end (a timeout here), or answers
        // invalid_json if the hello's random bytes hold a newline (not TLS: the handshake fails).
        var error = await Record.ExceptionAsync(() => GymClient.ConnectAsync("127.0.0.1", plain.TcpPort, options));
        Assert.True(error is TimeoutException or GymServerException { Code: GymServerException.TlsFailed }, error?.ToString());
    }

    private Task<GymClient> ConnectAsync(GymTlsOptions tls, GymEncoding encoding = GymEncoding.Json) =>
        GymClient.ConnectAsync("127.0.0.1", _server.TcpPort, new GymClientOptions { Tls = tls, Encoding = encoding });
}
