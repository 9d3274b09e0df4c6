using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using GymServer.Engine.Sessions;

namespace GymServer.Tests.Functional.Reliability;

/// <summary>
/// Hostile clients over real sockets against one server: after each, the server has logged no error, and a
/// bystander connection and a new one are served correctly.
/// </summary>
public sealed class HostileClientTests(HostileServer node) : IClassFixture<HostileServer>, IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await node.AssertOthersServedAsync();
        node.AssertNoErrorsLogged();
    }

    [Fact]
    public async Task AClientThatNeverReadsStopsBeingReadInsteadOfFillingMemory()
    {
        // {"list_envs":{}} is 18 bytes and its reply several KiB: 64 MiB of them would be gigabytes of replies if the
        // server kept reading a client that does not read.
        const long Total = 64L * 1024 * 1024;
        var block = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("{\"list_envs\":{}}\r\n", 3640)));
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, node.Server.TcpPort);
        await socket.SendAsync(Encoding.ASCII.GetBytes(Protocol2.Handshake + "\r\n"));
        var pausesBefore = node.ReadPauses;
        long sent = 0;
        var sending = Task.Run(async () =>
        {
            try
            {
                while (sent < Total)
                {
                    sent += await socket.SendAsync(block);
                }
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                // The test closes the socket while this send waits for the server to read.
            }
        });

        // The connection's reply queue fills and its read loop stops: the server says so with its pause counter.
        await node.WaitUntilAsync(server => server.ReadPauses > pausesBefore, Deadline);
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        Assert.InRange(heap, 0, 512L * 1024 * 1024);
        // Still paused while the other connections are served (they are checked after every test too).
        await node.AssertOthersServedAsync();
        Assert.True(Interlocked.Read(ref sent) < Total, "the server read all 64 MiB from a client that read no reply");

        socket.Close(0);
        await sending.WaitAsync(Deadline);
    }

    [Fact]
    public async Task RequestsSentOneByteAtATimeAreHandledLikeWholeLines()
    {
        await using var client = await node.Server.ConnectAsync();
        var script = "{\"env\":{\"name\":\"CartPole-v1\"}}\r\n{\"env\":{\"seed\":\"7\"}}\n{\"env\":{\"action\":\"reset\"}}\r\n"
            + Protocol2.Handshake + "\r\n{\"list_envs\":{}}\r\n";
        foreach (var b in Encoding.ASCII.GetBytes(script))
        {
            await client.SendRawAsync(new[] { b });
        }
        Assert.True((await client.ReadReplyAsync()).TryGetProperty("instance", out _));
        var observation = (await client.ReadReplyAsync()).GetProperty("observation");
        // The same seed on the bystander's env gave the same first observation: nothing was lost between the bytes.
        await using var reference = await node.Server.ConnectAsync();
        await reference.RequestAsync("{\"env\":{\"name\":\"CartPole-v1\"}}");
        await reference.SendAsync("{\"env\":{\"seed\":\"7\"}}");
        Assert.Equal((await reference.RequestAsync("{\"env\":{\"action\":\"reset\"}}")).GetProperty("observation").GetRawText(), observation.GetRawText());
        Assert.Equal(2, (await client.ReadReplyAsync()).GetProperty("protocol").GetInt32());
        Assert.True((await client.ReadReplyAsync()).GetProperty("envs").GetArrayLength() > 5);
    }

    [Fact]
    public async Task AHundredMegabyteLineGetsOneErrorAndTheConnectionGoesOn()
    {
        await using var client = await node.Server.ConnectAsync();
        await client.RequestAsync("{\"env\":{\"name\":\"CartPole-v1\"}}");
        await client.RequestAsync("{\"env\":{\"action\":\"reset\"}}");
        var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("1,", 512 * 1024)));
        await client.SendRawAsync(Encoding.ASCII.GetBytes("{\"step\":{\"action\":["));
        for (var i = 0; i < 100; i++)
        {
            await client.SendRawAsync(chunk);
        }
        await client.SendRawAsync(Encoding.ASCII.GetBytes("1]}}\r\n"));
        Replies.AssertError(await client.ReadReplyAsync(), "line_too_long", "discarded");
        Assert.True((await client.RequestAsync("{\"step\":{\"action\":1,\"render\":0}}")).TryGetProperty("observation", out _));
    }

    [Theory]
    [InlineData(1, new byte[] { 0xFF, 0xFE, 0x7B, 0x7D })]
    [InlineData(1, new byte[] { 0x7B, 0x22, 0xC0, 0xAF, 0x22, 0x3A, 0x7B, 0x7D, 0x7D })]
    [InlineData(2, new byte[] { 0x7B, 0x22, 0x6D, 0x61, 0x6B, 0x65, 0x22, 0x3A, 0x7B, 0x22, 0x69, 0x64, 0x22, 0x3A, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x7D, 0x7D })]
    [InlineData(2, new byte[] { 0x80, 0x80, 0x80 })]
    [InlineData(2, new byte[] { 0x7B, 0x22, 0xF8, 0x88, 0x80, 0x80, 0x80, 0x22, 0x3A, 0x31, 0x7D })]
    public async Task InvalidUtf8IsInvalidJson(int protocol, byte[] line)
    {
        await using var client = await ConnectAsync(protocol);
        await client.SendRawAsync(line.Concat("\r\n"u8.ToArray()).ToArray());
        Replies.AssertError(await client.ReadReplyAsync(), "invalid_json", "UTF-8");
        await AssertConnectionServesAsync(client, protocol);
    }

    [Theory]
    [InlineData(1, "")]
    [InlineData(1, "{\"step\":{\"action\":")]
    [InlineData(2, "")]
    [InlineData(2, "{\"make\":{\"id\":\"CartPole-v1\",\"kwargs\":{\"a\":")]
    public async Task HundredThousandOpenBracketsAreInvalidJson(int protocol, string prefix)
    {
        await using var client = await ConnectAsync(protocol);
        await client.SendAsync(prefix + new string('[', 100_000) + new string(']', 100_000) + (prefix.Length > 0 ? "}}}" : ""));
        Replies.AssertError(await client.ReadReplyAsync(), "invalid_json", "");
        await client.SendAsync(prefix + new string('{', 100_000));
        Replies.AssertError(await client.ReadReplyAsync(), "invalid_json", "");
        await AssertConnectionServesAsync(client, protocol);
    }

    [Theory]
    [InlineData("CartPole-v1", "1e400")]
    [InlineData("CartPole-v1", "9223372036854775808")]
    [InlineData("CartPole-v1", "-9223372036854775809")]
    [InlineData("CartPole-v1", "2")]
    [InlineData("CartPole-v1", "-1")]
    [InlineData("CartPole-v1", "1.5")]
    [InlineData("CartPole-v1", "\"NaN\"")]
    [InlineData("CartPole-v1", "\"Infinity\"")]
    [InlineData("Pendulum-v1", "[1e39]")]
    [InlineData("Pendulum-v1", "[\"NaN\"]")]
    [InlineData("Pendulum-v1", "\"[NaN]\"")]
    [InlineData("Pendulum-v1", "\"[Infinity]\"")]
    [InlineData("Pendulum-v1", "\"[-inf]\"")]
    [InlineData("Pendulum-v1", "[-1e400]")]
    [InlineData("MountainCarContinuous-v0", "[1e400]")]
    [InlineData("MountainCarContinuous-v0", "[NaN]")]
    [InlineData("MountainCarContinuous-v0", "[Infinity]")]
    public async Task OutOfRangeAndNonFiniteActionsAreRefusedAndLeaveTheEnvAsItWas(string env, string action)
    {
        // Two envs with the same seed; the refused action goes to the first only, so their next steps must match.
        await using var client = await ConnectAsync(2);
        var hit = await client.MakeAsync(env);
        var untouched = await client.MakeAsync(env);
        await client.SendAsync("reset", new { instance = hit, seed = 5 });
        await client.SendAsync("reset", new { instance = untouched, seed = 5 });
        var refused = await client.RequestAsync($"{{\"step\":{{\"instance\":\"{hit}\",\"action\":{action}}}}}");
        var code = refused.GetProperty("error").GetProperty("code").GetString();
        Assert.Contains(code, new[] { "invalid_action", "invalid_json" });
        var valid = env == "CartPole-v1" ? "1" : "[0.25]";
        var a = await client.RequestAsync($"{{\"step\":{{\"instance\":\"{hit}\",\"action\":{valid}}}}}");
        var b = await client.RequestAsync($"{{\"step\":{{\"instance\":\"{untouched}\",\"action\":{valid}}}}}");
        Assert.Equal(b.GetRawText(), a.GetRawText());
        Assert.All(a.GetProperty("observation").EnumerateArray(), value => Assert.True(double.IsFinite(value.GetDouble())));
    }

    [Theory]
    [InlineData("{\"reset\":{\"instance\":\"$i\",\"seed\":1e400}}", "invalid_argument")]
    [InlineData("{\"reset\":{\"instance\":\"$i\",\"seed\":-1}}", "invalid_argument")]
    [InlineData("{\"reset\":{\"instance\":\"$i\",\"seed\":1.5}}", "invalid_argument")]
    [InlineData("{\"make_vec\":{\"id\":\"CartPole-v1\",\"num_envs\":10000000000}}", "invalid_argument")]
    [InlineData("{\"make_vec\":{\"id\":\"CartPole-v1\",\"num_envs\":-1}}", "invalid_argument")]
    [InlineData("{\"make\":{\"id\":\"FrozenLake-v1\",\"kwargs\":{\"map_name\":1e400}}}", "invalid_argument")]
    public async Task OutOfRangeArgumentsAreRefused(string request, string code)
    {
        await using var client = await ConnectAsync(2);
        var instance = await client.MakeAsync("CartPole-v1");
        Replies.AssertError(await client.RequestAsync(request.Replace("$i", instance, StringComparison.Ordinal)), code, "");
        await AssertConnectionServesAsync(client, 2);
    }

    [Fact]
    public async Task TenThousandConnectsAndDisconnectsLeaveNothingBehind()
    {
        const int Connections = 10_000;
        var next = 0;
        // 32 at a time: every kind of short-lived client, closed by the client in every state.
        var workers = Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) <= Connections)
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(IPAddress.Loopback, node.Server.TcpPort);
                switch (i % 4)
                {
                    case 1:
                        await socket.SendAsync("{\"env\":"u8.ToArray());
                        break;
                    case 2:
                        await socket.SendAsync("{\"env\":{\"name\":\"CartPole-v1\"}}\r\n{\"env\":{\"action\":\"reset\"}}\r\n"u8.ToArray());
                        break;
                    case 3:
                        // Abortive close: the server sees a reset rather than an end of stream.
                        socket.LingerState = new LingerOption(true, 0);
                        await socket.SendAsync("{\"env\":{\"name\":\"Taxi-v3\"}}\r\n"u8.ToArray());
                        break;
                }
                socket.Close();
            }
        })).ToArray();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromMinutes(5));

        await AssertOnlyTheBystanderIsLeftAsync();
    }

    [Fact]
    public async Task AClientThatDisconnectsWithStepsInFlightLeavesNothingBehind()
    {
        using (var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            await socket.ConnectAsync(IPAddress.Loopback, node.Server.TcpPort);
            await socket.SendAsync(Encoding.ASCII.GetBytes("{\"env\":{\"name\":\"Acrobot-v1\"}}\r\n{\"env\":{\"action\":\"reset\"}}\r\n"));
            var steps = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("{\"step\":{\"action\":1,\"render\":0}}\r\n", 2000)));
            await socket.SendAsync(steps);
            socket.LingerState = new LingerOption(true, 0);
        }
        await AssertOnlyTheBystanderIsLeftAsync();
    }

    /// <summary>
    /// Every other connection is closed on the server too, with its session and envs (a connection's session is closed
    /// before it stops counting as active): only the bystander and its env are left.
    /// </summary>
    private async Task AssertOnlyTheBystanderIsLeftAsync()
    {
        await node.WaitUntilAsync(server => server.ActiveConnections <= 1, Deadline);
        var activity = node.Server.Services.GetRequiredService<NodeActivity>();
        Assert.Equal(1, activity.Sessions);
        Assert.Equal(1, activity.EnvsByBackend().Values.Sum());
    }

    private async Task<GymTestClient> ConnectAsync(int protocol) =>
        protocol == 2 ? await Protocol2.ConnectAsync(node.Server) : await node.Server.ConnectAsync();

    /// <summary>The same connection still works after the hostile line.</summary>
    private static async Task AssertConnectionServesAsync(GymTestClient client, int protocol)
    {
        if (protocol == 2)
        {
            var instance = await client.MakeAsync("CartPole-v1");
            Assert.Equal(JsonValueKind.Array, (await client.SendAsync("reset", new { instance, seed = 1 })).GetProperty("observation").ValueKind);
            return;
        }
        Assert.True((await client.RequestAsync("{\"env\":{\"name\":\"CartPole-v1\"}}")).TryGetProperty("instance", out _));
        Assert.True((await client.RequestAsync("{\"env\":{\"action\":\"reset\"}}")).TryGetProperty("observation", out _));
    }
}
