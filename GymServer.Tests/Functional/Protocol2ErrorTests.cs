namespace GymServer.Tests.Functional;

/// <summary>Every protocol-2 error over a real socket: one error reply per bad request, and the connection goes on.</summary>
[Collection(ServerCollection.Name)]
public sealed class Protocol2ErrorTests(GymServerFactory server)
{
    [Theory]
    [InlineData("{\"make\":", "invalid_json", "not valid JSON")]
    [InlineData("", "invalid_json", "not valid JSON")]
    [InlineData("[1]", "invalid_json", "expected a JSON object, got a list")]
    [InlineData("{}", "invalid_request", "the request object is empty")]
    [InlineData("{\"make\":{\"id\":\"CartPole-v1\"},\"reset\":{}}", "invalid_request", "one command per request")]
    [InlineData("{\"make\":\"CartPole-v1\"}", "invalid_request", "make must be an object of arguments, got a string")]
    [InlineData("{\"make\":{}}", "invalid_request", "make needs id")]
    [InlineData("{\"make\":{\"id\":\"\"}}", "invalid_request", "make.id must be a non-empty string")]
    [InlineData("{\"make\":{\"id\":\"CartPole-v1\",\"kwargs\":[1]}}", "invalid_request", "make.kwargs must be an object or null")]
    [InlineData("{\"make\":{\"id\":\"CartPole-v1\",\"render_mode\":1}}", "invalid_request", "make.render_mode must be a string or null")]
    [InlineData("{\"make\":{\"name\":\"CartPole-v1\"}}", "invalid_request", "unknown make field 'name': expected id, kwargs, render_mode")]
    [InlineData("{\"reset\":{}}", "invalid_request", "reset needs instance")]
    [InlineData("{\"reset\":{\"instance\":1}}", "invalid_request", "reset.instance must be a non-empty string, got a number")]
    [InlineData("{\"step\":{\"instance\":\"0000000000000\"}}", "invalid_request", "step needs action")]
    [InlineData("{\"close\":{}}", "invalid_request", "close needs one of instance or \"all\":true")]
    [InlineData("{\"close\":{\"all\":false}}", "invalid_request", "close.all must be true")]
    [InlineData("{\"close\":{\"all\":true,\"instance\":\"0000000000000\"}}", "invalid_request", "close needs one of")]
    [InlineData("{\"list_envs\":{\"backend\":\"native\"}}", "invalid_request", "unknown list_envs field 'backend': expected no fields")]
    [InlineData("{\"server\":{}}", "invalid_request", "server needs protocol")]
    [InlineData("{\"render\":{}}", "unknown_command", "unknown command 'render': expected one of server, make, reset, step, close, sample, list_envs")]
    [InlineData("{\"reset\":{\"instance\":\"0000000000000\",\"seed\":-1}}", "invalid_argument", "reset.seed must be a non-negative integer")]
    [InlineData("{\"reset\":{\"instance\":\"0000000000000\",\"seed\":\"3\"}}", "invalid_argument", "reset.seed must be a non-negative integer")]
    [InlineData("{\"reset\":{\"instance\":\"0000000000000\",\"seed\":1.5}}", "invalid_argument", "reset.seed")]
    [InlineData("{\"reset\":{\"instance\":\"0000000000000\"}}", "unknown_instance", "no open env with instance id '0000000000000'")]
    [InlineData("{\"step\":{\"instance\":\"0000000000000\",\"action\":1}}", "unknown_instance", "0000000000000")]
    [InlineData("{\"sample\":{\"instance\":\"0000000000000\"}}", "unknown_instance", "0000000000000")]
    [InlineData("{\"close\":{\"instance\":\"0000000000000\"}}", "unknown_instance", "0000000000000")]
    [InlineData("{\"make\":{\"id\":\"CartPol-v1\"}}", "unknown_env", "did you mean CartPole-v1")]
    [InlineData("{\"make\":{\"id\":\"CartPole-v1\",\"render_mode\":\"human\"}}", "invalid_argument", "render_mode")]
    [InlineData("{\"make\":{\"id\":\"Pendulum-v1\",\"kwargs\":{\"g\":\"strong\"}}}", "invalid_argument", "g")]
    public async Task BadRequestsGetOneErrorAndTheConnectionGoesOn(string line, string code, string messagePart)
    {
        await using var client = await Protocol2.ConnectAsync(server);
        Replies.AssertError(await client.RequestAsync(line), code, messagePart);
        Assert.True((await client.SendAsync("list_envs", new { })).TryGetProperty("envs", out _));
    }

    [Theory]
    [InlineData("3", "invalid_action", "not in the action space")]
    [InlineData("\"1\"", "invalid_action", "not a string")]
    [InlineData("[0,1]", "invalid_action", "one integer")]
    [InlineData("{\"a\":1}", "invalid_action", "integer")]
    public async Task ActionsOutsideTheSpaceAreRefused(string action, string code, string messagePart)
    {
        await using var client = await Protocol2.ConnectAsync(server);
        var instance = await client.MakeAsync("CartPole-v1");
        await client.SendAsync("reset", new { instance, seed = 0 });
        Replies.AssertError(await client.RequestAsync($"{{\"step\":{{\"instance\":\"{instance}\",\"action\":{action}}}}}"), code, messagePart);
        Assert.Equal("1.0", (await client.SendAsync("step", new { instance, action = 0 })).GetProperty("reward").GetRawText());
    }

    [Fact]
    public async Task AStepBeforeTheFirstResetNeedsAReset()
    {
        await using var client = await Protocol2.ConnectAsync(server);
        var instance = await client.MakeAsync("CartPole-v1");
        Replies.AssertError(await client.SendAsync("step", new { instance, action = 0 }), "reset_needed", "reset");
    }

    [Fact]
    public async Task PastTheEnvLimitMakeIsRefusedUntilOneIsClosed()
    {
        await using var client = await Protocol2.ConnectAsync(server);
        var instances = new List<string>();
        for (var i = 0; i < 16; i++)
        {
            instances.Add(await client.MakeAsync("CartPole-v1"));
        }
        Replies.AssertError(await client.SendAsync("make", new { id = "CartPole-v1" }), "too_many_envs", "16 env(s)");
        Protocol2.AssertOk(await client.SendAsync("close", new { instance = instances[3] }));
        Assert.Matches("^[0-9a-f]{13}$", await client.MakeAsync("CartPole-v1"));
    }

    [Fact]
    public async Task AnOverlongLineGetsOneErrorInProtocol2Too()
    {
        await using var small = GymServerFactory.With(new Dictionary<string, string?> { ["Gym:Tcp:MaxLineLength"] = "256" });
        await using var client = await Protocol2.ConnectAsync(small);
        Replies.AssertError(await client.RequestAsync("{\"list_envs\":{}}".PadRight(300)), "line_too_long", "256 bytes");
        Assert.True((await client.SendAsync("list_envs", new { })).TryGetProperty("envs", out _));
    }
}
