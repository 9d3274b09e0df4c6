using System.Text.Json;
using GymServer.Tests.Functional;
using GymServer.Tests.Infrastructure;

namespace GymServer.Tests.Fuzz;

/// <summary>
/// Inputs the fuzzer found that broke the server, kept as plain regression tests: an escaped lone surrogate made the
/// protocol-1 parser throw out of the connection (closing it), and made protocol 2 answer env_error with an
/// unexpected exception logged; duplicate kwargs names did the same in protocol 2.
/// </summary>
public sealed class FuzzFindingsTests
{
    [Theory]
    [InlineData("{\"env\":{\"seed\":\"\\ud800\"}}", "invalid_json")]
    [InlineData("{\"env\":{\"name\":\"\\udfff\"}}", "invalid_json")]
    [InlineData("{\"step\":{\"action\":0,\"render\":\"\\udfff\"}}", "invalid_request")]
    [InlineData("{\"\\ud800\":{}}", "invalid_json")]
    public async Task Protocol1RefusesLoneSurrogatesAndGoesOn(string line, string code)
    {
        await using var connection = PipeConnection.Start();
        await connection.WriteAsync(line + "\r\n{\"env\":{\"name\":\"CartPole-v1\"}}\r\n");
        AssertError(await connection.ReadReplyAsync(), code);
        Assert.Contains("\"instance\"", await connection.ReadReplyAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"make\":{\"id\":\"\\ud800\"}}")]
    [InlineData("{\"make\":{\"id\":\"CartPole-v1\",\"kwargs\":{\"\\udc00\":1}}}")]
    [InlineData("{\"make\":{\"id\":\"FrozenLake-v1\",\"kwargs\":{\"is_slippery\":true,\"is_slippery\":false}}}")]
    [InlineData("{\"make\":{\"id\":\"CartPole-v1\",\"id\":\"Taxi-v3\"}}")]
    public async Task Protocol2RefusesLoneSurrogatesAndDuplicateNames(string line)
    {
        await using var connection = PipeConnection.Start();
        await connection.WriteAsync(Protocol2.Handshake + "\r\n" + line + "\r\n{\"list_envs\":{}}\r\n");
        Assert.Contains("\"protocol\":2", await connection.ReadReplyAsync(), StringComparison.Ordinal);
        AssertError(await connection.ReadReplyAsync(), "invalid_json");
        Assert.Contains("\"envs\"", await connection.ReadReplyAsync(), StringComparison.Ordinal);
    }

    private static void AssertError(string? reply, string code)
    {
        Assert.NotNull(reply);
        using var document = JsonDocument.Parse(reply);
        Assert.Equal(code, document.RootElement.GetProperty("error").GetProperty("code").GetString());
    }
}
