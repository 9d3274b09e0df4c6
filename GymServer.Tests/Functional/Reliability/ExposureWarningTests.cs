using GymServer.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace GymServer.Tests.Functional.Reliability;

/// <summary>
/// One warning when the server is reachable from other machines without tokens, or with tokens but without TLS on a
/// listener that other machines reach; none otherwise.
/// </summary>
public sealed class ExposureWarningTests(TestCertificates certificates) : IClassFixture<TestCertificates>
{
    private const string Warning = "without Gym:Auth:Tokens";
    private const string ClearTextWarning = "tokens, and everything else, cross the network in clear text";

    [Theory]
    [InlineData("0.0.0.0", "http://127.0.0.1:0", "tcp 0.0.0.0:")]
    [InlineData("127.0.0.1", "http://0.0.0.0:0", "http://0.0.0.0:")]
    public async Task APublicListenerWithoutTokensIsWarnedAboutOnce(string tcpAddress, string urls, string named)
    {
        var logs = new CapturingLoggerProvider();
        await using var server = GymServerFactory.With(new Dictionary<string, string?>
        {
            ["Gym:Tcp:Address"] = tcpAddress,
            ["urls"] = urls,
        }, logs);
        _ = server.TcpPort;
        var warnings = logs.Entries.Where(entry => entry.Message.Contains(Warning, StringComparison.Ordinal)).ToList();
        var warning = Assert.Single(warnings);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(named, warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", null)]
    [InlineData("0.0.0.0", "a-token-123")]
    public async Task LoopbackOrTokensGiveNoWarning(string tcpAddress, string? token)
    {
        var logs = new CapturingLoggerProvider();
        var settings = new Dictionary<string, string?>
        {
            ["Gym:Tcp:Address"] = tcpAddress,
            ["Logging:LogLevel:Default"] = "Information",
        };
        if (token is not null)
        {
            settings["Gym:Auth:Tokens:0"] = token;
        }
        await using var server = GymServerFactory.With(settings, logs);
        _ = server.TcpPort;
        Assert.DoesNotContain(logs.Entries, entry => entry.Message.Contains(Warning, StringComparison.Ordinal));
        // The check ran (it logs that authentication is on when it is): the absence above is not for want of a log.
        Assert.Equal(token is not null, logs.Entries.Any(entry => entry.Message.Contains("Token authentication is on", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("0.0.0.0", false, "http://127.0.0.1:0", "tcp 0.0.0.0:")]
    [InlineData("0.0.0.0", true, "http://0.0.0.0:0", "http://0.0.0.0:")]
    [InlineData("0.0.0.0", true, "https://0.0.0.0:0", null)]
    [InlineData("127.0.0.1", false, "https://0.0.0.0:0", null)]
    [InlineData("127.0.0.1", false, "http://127.0.0.1:0", null)]
    public async Task TokensBeyondLoopbackWithoutTlsAreWarnedAboutOnce(string tcpAddress, bool tcpTls, string urls, string? named)
    {
        var logs = new CapturingLoggerProvider();
        var settings = new Dictionary<string, string?>
        {
            ["Gym:Tcp:Address"] = tcpAddress,
            ["urls"] = urls,
            ["Gym:Auth:Tokens:0"] = "a-token-123",
            ["Kestrel:Certificates:Default:Path"] = certificates.CertificateFile,
            ["Kestrel:Certificates:Default:KeyPath"] = certificates.KeyFile,
            ["Logging:LogLevel:Default"] = "Information",
        };
        if (tcpTls)
        {
            settings["Gym:Tcp:Tls:Enabled"] = "true";
        }
        await using var server = GymServerFactory.With(settings, logs);
        _ = server.TcpPort;
        var warnings = logs.Entries.Where(entry => entry.Message.Contains(ClearTextWarning, StringComparison.Ordinal)).ToList();
        Assert.True(logs.Entries.Any(entry => entry.Message.Contains("Token authentication is on", StringComparison.Ordinal)), "the check did not run");
        Assert.DoesNotContain(logs.Entries, entry => entry.Message.Contains(Warning, StringComparison.Ordinal));
        if (named is null)
        {
            Assert.Empty(warnings);
            return;
        }
        var warning = Assert.Single(warnings);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(named, warning.Message, StringComparison.Ordinal);
        // Only the listeners without TLS are named.
        Assert.Equal(!tcpTls, warning.Message.Contains("tcp ", StringComparison.Ordinal));
        Assert.Equal(urls.StartsWith("http://0", StringComparison.Ordinal), warning.Message.Contains("http://", StringComparison.Ordinal));
    }
}
