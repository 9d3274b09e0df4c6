using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using GymServer.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace GymServer.Tests.Functional.Tls;

/// <summary>
/// TLS on the TCP port (<c>Gym:Tcp:Tls</c>): both protocols over it with a PEM or a PFX certificate, clients that must
/// be turned away (an untrusted CA, a wrong host name, plain TCP), a handshake that never ends, and the protocol's
/// limits, which hold over TLS as without it.
/// </summary>
public sealed class TcpTlsTests(TestCertificates certificates) : IClassFixture<TestCertificates>
{
    private const string MakeCartPole = "{\"env\":{\"name\":\"CartPole-v1\"}}";

    [Fact]
    public async Task Protocol1RunsOverTlsWithAPemCertificate()
    {
        await using var server = GymServerFactory.With(certificates.TcpTlsSettings());
        await using var client = await GymTestClient.ConnectTlsAsync(server.TcpPort, certificates.TrustingTestCa("127.0.0.1"));
        Assert.True((await client.RequestAsync(MakeCartPole)).TryGetProperty("instance", out _));
        var actionSpace = await client.RequestAsync("{\"env\":{\"action\": \"actionspace\"}}");
        Assert.Equal("{\"info\":{\"name\":\"Discrete\",\"n\":2}}", actionSpace.GetRawText());
        // Compressed replies (binary zlib bytes) cross TLS unchanged.
        await client.SendAsync("{\"server\":{\"compression\": \"9\"}}");
        client.Compressed = true;
        await client.SendAsync("{\"env\":{\"seed\":\"42\"}}");
        var reset = await client.RequestAsync("{\"env\":{\"action\": \"reset\"}}");
        Assert.Equal(4, reset.GetProperty("observation").GetArrayLength());
        var step = await client.RequestAsync("{\"step\":{\"action\":1, \"render\":0}}");
        Assert.Equal(1.0, step.GetProperty("reward").GetDouble());
    }

    [Fact]
    public async Task Protocol2RunsOverTlsWithAPfxCertificateAndGivesThePlainTrajectory()
    {
        await using var server = GymServerFactory.With(new Dictionary<string, string?>
        {
            ["Gym:Tcp:Tls:Enabled"] = "true",
            ["Gym:Tcp:Tls:Certificate:Path"] = certificates.PfxFile,
            ["Gym:Tcp:Tls:Certificate:Password"] = TestCertificates.PfxPassword,
        });
        await using var plainServer = new GymServerFactory();
        await using var tls = await GymTestClient.ConnectTlsAsync(server.TcpPort, certificates.TrustingTestCa());
        await using var plain = await plainServer.ConnectAsync();
        foreach (var client in new[] { tls, plain })
        {
            Assert.Equal(2, (await client.RequestAsync(Protocol2.Handshake)).GetProperty("protocol").GetInt32());
        }
        var tlsEnv = await tls.MakeAsync("CartPole-v1");
        var plainEnv = await plain.MakeAsync("CartPole-v1");
        Assert.Equal(
            (await plain.SendAsync("reset", new { instance = plainEnv, seed = 42 })).GetRawText(),
            (await tls.SendAsync("reset", new { instance = tlsEnv, seed = 42 })).GetRawText());
        Assert.Equal(
            (await plain.SendAsync("step", new { instance = plainEnv, action = 1 })).GetRawText(),
            (await tls.SendAsync("step", new { instance = tlsEnv, action = 1 })).GetRawText());
    }

    [Fact]
    public async Task AnEncryptedPemKeyIsReadWithItsPassword()
    {
        var settings = certificates.TcpTlsSettings();
        settings["Gym:Tcp:Tls:Certificate:KeyPath"] = certificates.EncryptedKeyFile;
        settings["Gym:Tcp:Tls:Certificate:Password"] = TestCertificates.KeyPassword;
        await using var server = GymServerFactory.With(settings);
        await using var client = await GymTestClient.ConnectTlsAsync(server.TcpPort, certificates.TrustingTestCa());
        Assert.True((await client.RequestAsync(MakeCartPole)).TryGetProperty("instance", out _));
    }

    [Fact]
    public async Task ClientsThatDoNotTrustTheServerAreRefusedAndOthersGoOn()
    {
        await using var server = GymServerFactory.With(certificates.TcpTlsSettings());
        await using var trusted = await GymTestClient.ConnectTlsAsync(server.TcpPort, certificates.TrustingTestCa());
        Assert.True((await trusted.RequestAsync(MakeCartPole)).TryGetProperty("instance", out _));

        using var otherCa = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(certificates.OtherCaFile);
        await Assert.ThrowsAsync<AuthenticationException>(() =>
            GymTestClient.ConnectTlsAsync(server.TcpPort, TestCertificates.TrustingOnly(otherCa, "localhost")));
        // The system's roots do not include the test CA.
        await Assert.ThrowsAsync<AuthenticationException>(() =>
            GymTestClient.ConnectTlsAsync(server.TcpPort, new() { TargetHost = "localhost" }));
        // The certificate is for localhost and 127.0.0.1, not for another name.
        await Assert.ThrowsAsync<AuthenticationException>(() =>
            GymTestClient.ConnectTlsAsync(server.TcpPort, certificates.TrustingTestCa("gymserver.example")));

        Assert.True((await trusted.RequestAsync("{\"env\":{\"action\":\"reset\"}}")).TryGetProperty("observation", out _));
    }

    [Fact]
    public async Task PlainTcpToTheTlsPortGetsTlsRequiredWithoutHurtingOtherSessions()
    {
        var logs = new CapturingLoggerProvider();
        var settings = certificates.TcpTlsSettings();
        settings["Logging:LogLevel:GymServer.Web.Tcp"] = "Information";
        await using var server = GymServerFactory.With(settings, logs);
        await using var trusted = await GymTestClient.ConnectTlsAsync(server.TcpPort, certificates.TrustingTestCa());
        await trusted.RequestAsync(MakeCartPole);
        await trusted.RequestAsync("{\"env\":{\"action\":\"reset\"}}");

        foreach (var first in new[] { MakeCartPole, Protocol2.Handshake })
        {
            await using var plain = await server.ConnectAsync();
            Replies.AssertError(await plain.RequestAsync(first), "tls_required", "speaks TLS only");
            await plain.AssertClosedAsync();
        }

        Assert.True((await trusted.RequestAsync("{\"step\":{\"action\":1}}")).TryGetProperty("observation", out _));
        Assert.Equal(2, logs.Entries.Count(entry => entry.Message.Contains("plain TCP on the TLS port", StringComparison.Ordinal)));
        Assert.DoesNotContain(logs.Entries, entry => entry.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task AHandshakeThatNeverEndsIsClosedAndHoldsNoConnectionSlot()
    {
        var settings = certificates.TcpTlsSettings();
        settings["Gym:Tcp:Tls:HandshakeTimeout"] = "00:00:01";
        settings["Gym:Tcp:MaxConnections"] = "1";
        await using var server = GymServerFactory.With(settings);
        // One client sends nothing, the other the first bytes of a TLS record and no more.
        using var silent = await ConnectRawAsync(server.TcpPort);
        using var halfway = await ConnectRawAsync(server.TcpPort);
        await halfway.SendAsync(new byte[] { 0x16, 0x03, 0x01 });

        // Handshakes come before a connection takes a slot: the node's only slot is free for a real client.
        await using (var trusted = await GymTestClient.ConnectTlsAsync(server.TcpPort, certificates.TrustingTestCa()))
        {
            Assert.True((await trusted.RequestAsync(MakeCartPole)).TryGetProperty("instance", out _));
        }

        // Both stalled connections are closed by the server after the handshake timeout (the reads end).
        Assert.Equal(0, await ReceiveUntilClosedAsync(silent));
        await ReceiveUntilClosedAsync(halfway);
    }

    [Fact]
    public async Task TheProtocolsLimitsHoldOverTls()
    {
        var settings = certificates.TcpTlsSettings();
        settings["Gym:Tcp:MaxLineLength"] = "64";
        settings["Gym:Tcp:MaxConnections"] = "1";
        await using var server = GymServerFactory.With(settings);
        await using var client = await GymTestClient.ConnectTlsAsync(server.TcpPort, certificates.TrustingTestCa());
        Replies.AssertError(await client.RequestAsync("{\"env\":{\"name\":\"" + new string('x', 100) + "\"}}"), "line_too_long", "64 bytes");
        Assert.True((await client.RequestAsync(MakeCartPole)).TryGetProperty("instance", out _));

        await using var second = await GymTestClient.ConnectTlsAsync(server.TcpPort, certificates.TrustingTestCa());
        Replies.AssertError(await second.ReadReplyAsync(), "too_many_connections", "1 connections");
        await second.AssertClosedAsync();
    }

    [Fact]
    public async Task ACertificateWithoutEnabledOrAMissingFileStopsTheStart()
    {
        var notEnabled = certificates.TcpTlsSettings();
        notEnabled["Gym:Tcp:Tls:Enabled"] = "false";
        var error = Record.Exception(() => GymServerFactory.With(notEnabled).Dispose());
        Assert.NotNull(error);
        Assert.Contains("Gym:Tcp:Tls:Enabled is not true", error.ToString(), StringComparison.Ordinal);

        var missing = certificates.TcpTlsSettings();
        missing["Gym:Tcp:Tls:Certificate:Path"] = Path.Combine(certificates.Directory, "absent.pem");
        error = Record.Exception(() => GymServerFactory.With(missing).Dispose());
        Assert.NotNull(error);
        Assert.Contains("cannot load the TLS certificate", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<Socket> ConnectRawAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, port);
        return socket;
    }

    /// <summary>Reads until the server closes (0) or resets the connection; returns how many bytes came first.</summary>
    private static async Task<int> ReceiveUntilClosedAsync(Socket socket)
    {
        using var deadline = new CancellationTokenSource(GymTestClient.ReadDeadline);
        var buffer = new byte[4096];
        var total = 0;
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token)) > 0)
            {
                total += read;
            }
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionReset)
        {
        }
        return total;
    }
}
