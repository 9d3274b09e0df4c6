using GymServer.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace GymServer.Tests.Functional.Reliability;

/// <summary>One warning when the server is reachable from other machines without tokens; none otherwise.</summary>
public sealed class ExposureWarningTests
{
    private const string Warning = "without Gym:Auth:Tokens";

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
}
