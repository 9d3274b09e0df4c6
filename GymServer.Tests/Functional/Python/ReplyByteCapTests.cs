using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using GymServer.Tests.Functional.Dashboard;
using GymServer.Tests.Infrastructure;
using GymServer.Web.Tcp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GymServer.Tests.Functional.Python;

/// <summary>
/// Queued replies bounded in bytes (Gym:Tcp:MaxQueuedReplyBytes, Gym:Node:MaxQueuedReplyBytes) over real sockets,
/// with the Atari-sized image env in real worker processes: a client that stops reading pauses with its queued bytes
/// within the cap, others are served meanwhile, and once it reads every reply arrives whole; past the node's cap,
/// clients that leave their replies untaken are closed once stalled (Gym:Node:StalledReplyTimeout) and the others go on.
/// </summary>
[Collection(PythonWorkersCollection.Name)]
public sealed class ReplyByteCapTests
{
    private const string ImageEnv = "GymServerTest/Image-v0";

    /// <summary>Episodes of this many steps, each after a reset: the env ends its episodes at 50.</summary>
    private const int StepsPerEpisode = 40;

    /// <summary>
    /// About 19 MB of replies (84x84x3 frames, some 80 KB of JSON each): far more than the kernel's socket buffers
    /// hold for a client with a small receive buffer, so the server's own queue fills.
    /// </summary>
    private const int Episodes = 6;

    private static GymServerFactory StartServer(long perConnection, long node, TimeSpan? stalledReplyTimeout = null,
        CapturingLoggerProvider? logs = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gym:Python:Workers"] = "2",
            ["Gym:Python:Executable"] = PythonTestPool.Interpreter,
            ["Gym:Python:PythonPath:0"] = PythonTestPool.FakeGymDirectory,
            ["Gym:Python:Imports:0"] = "gymserver_testenvs",
            ["Gym:Tcp:MaxQueuedReplyBytes"] = perConnection.ToString(CultureInfo.InvariantCulture),
            ["Gym:Node:MaxQueuedReplyBytes"] = node.ToString(CultureInfo.InvariantCulture),
            ["Gym:Node:StalledReplyTimeout"] = (stalledReplyTimeout ?? TimeSpan.Zero).ToString("c", CultureInfo.InvariantCulture),
        };
        return logs is null ? GymServerFactory.With(settings) : GymServerFactory.With(settings, logs);
    }

    [Fact]
    public async Task AClientThatStopsReadingPausesUnderItsCapAndGetsEveryReplyOnceItReads()
    {
        const long Cap = 256 * 1024;
        await using var server = StartServer(perConnection: Cap, node: 1L << 30);
        var memory = server.Services.GetRequiredService<ReplyMemory>();
        await using var stalled = await StartImageClientAsync(server);
        var replySize = await SendEpisodesAsync(stalled);

        await WaitUntilAsync(memory, () => memory.PausedConnections == 1);
        // It pauses before the request whose reply (as large as its last and a quarter) would pass the cap.
        Assert.InRange(memory.QueuedBytes, Cap - (2 * replySize), Cap);
        Assert.InRange(memory.PeakQueuedBytes, Cap - (2 * replySize), Cap);
        using var http = new HttpClient { BaseAddress = server.HttpAddress };
        var metrics = new PrometheusText(await http.GetStringAsync("/metrics"));
        Assert.Equal(memory.QueuedBytes, metrics["gymserver_tcp_queued_reply_bytes"]);
        Assert.Equal(memory.PeakQueuedBytes, metrics["gymserver_tcp_queued_reply_peak_bytes"]);
        Assert.Equal(1, metrics["gymserver_connections_paused"]);
        Assert.Equal(Cap, metrics["gymserver_tcp_queued_reply_capacity_bytes{scope=\"connection\"}"]);
        Assert.Equal(1L << 30, metrics["gymserver_tcp_queued_reply_capacity_bytes{scope=\"node\"}"]);

        await AssertOthersAreServedAsync(server);
        Assert.Equal(1, memory.PausedConnections);

        await ReadEpisodesAsync(stalled);
        Assert.Equal(0, memory.PausedConnections);
    }

    [Fact]
    public async Task PastTheNodesCapEveryClientWaitsAndOneThatLeavesItsRepliesUntakenIsClosedOnceStalled()
    {
        // A node's cap below one image reply: while anything is queued on the node, no other image reply fits, so a
        // client that reads must wait for the one that does not.
        const long NodeCap = 64 * 1024;
        var logs = new CapturingLoggerProvider();
        await using var server = StartServer(perConnection: 64L << 20, node: NodeCap, TimeSpan.FromMilliseconds(300), logs);
        var memory = server.Services.GetRequiredService<ReplyMemory>();
        await using var reader = await StartImageClientAsync(server);
        await using var stalled = await StartImageClientAsync(server);
        await SendEpisodesAsync(stalled);

        // The reader goes on resetting, each reply read at once: some may fit between the other client's replies
        // while the kernel still takes them; once that client's replies stall, the reader waits, and its next reply
        // comes once the stalled client is closed. No reply of the reader is lost or cut meanwhile.
        var resets = 0;
        while (memory.StalledCloses == 0)
        {
            AssertFrame(await reader.RequestAsync("""{"env":{"action":"reset"}}"""));
            Assert.InRange(++resets, 1, 10_000);
        }
        Assert.Equal(1, memory.StalledCloses);
        using var http = new HttpClient { BaseAddress = server.HttpAddress };
        Assert.Equal(1, new PrometheusText(await http.GetStringAsync("/metrics"))["gymserver_tcp_stalled_closes_total"]);
        var closing = Assert.Single(logs.Entries, entry => entry.Message.Contains("Gym:Node:StalledReplyTimeout", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, closing.Level);

        // The stalled client's connection ends: whatever replies the kernel held, then the end of the stream.
        await ReadUntilClosedAsync(stalled);
        await AssertOthersAreServedAsync(server);
        await WaitUntilAsync(memory, () => memory.PausedConnections == 0 && memory.QueuedBytes == 0);
        Assert.DoesNotContain(logs.Entries, entry => entry.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task NonReadingClientsHoldReplyStorageWithinTheCapsAndGiveItBackWhenTheyGo()
    {
        const long Cap = 256 * 1024;
        const int Clients = 3;
        await using var server = StartServer(perConnection: Cap, node: 1L << 30);
        var memory = server.Services.GetRequiredService<ReplyMemory>();
        var clients = new List<GymTestClient>();
        try
        {
            long replySize = 0;
            for (var i = 0; i < Clients; i++)
            {
                clients.Add(await StartImageClientAsync(server));
                replySize = await SendEpisodesAsync(clients[^1]);
            }

            await WaitUntilAsync(memory, () => memory.PausedConnections == Clients);
            Assert.InRange(memory.QueuedBytes, Clients * (Cap - (2 * replySize)), Clients * Cap);
            // Every large reply buffer the server holds for them: each connection's queued replies (a buffer is at
            // most twice what it holds, as it grows by doubling) and its spare buffers; nothing else, the bytes the
            // socket has not taken included (they are sent from these buffers, not copied to Kestrel's pipe).
            Assert.InRange(memory.StorageBytes, Clients * (Cap - (2 * replySize)), Clients * ((2 * Cap) + GymConnection.MaxFreeReplyBytes));
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }

        // Gone clients leave nothing behind: their queued bytes and every reply buffer are given back.
        await WaitUntilAsync(memory, () => memory.StorageBytes == 0 && memory.QueuedBytes == 0 && memory.PausedConnections == 0);
    }

    [Fact]
    public async Task IdleClientsKeepSpareReplyBuffersOnlyWithinTheNodesShareForThem()
    {
        // Spares: a quarter of the node's cap, 128 KiB, the buffer of one image reply (some 80 KB of JSON) at most.
        const long NodeCap = 512 * 1024;
        const int Clients = 3;
        await using var server = StartServer(perConnection: 64L << 20, node: NodeCap);
        var memory = server.Services.GetRequiredService<ReplyMemory>();
        Assert.Equal(NodeCap / 4, memory.SpareCapacity);
        var clients = new List<GymTestClient>();
        try
        {
            for (var i = 0; i < Clients; i++)
            {
                clients.Add(await StartImageClientAsync(server));
                AssertFrame(await clients[^1].RequestAsync("""{"env":{"action":"reset"}}"""));
                AssertFrame(await clients[^1].RequestAsync("""{"step":{"action":1,"render":0}}"""));
            }

            // Each connection made its image replies in a buffer outside the garbage-collected heap and now waits
            // for a request that does not come: what the node holds for them is the spares it has room for.
            await WaitUntilAsync(memory, () => memory.StorageBytes <= memory.SpareCapacity);
            Assert.InRange(memory.SpareBytes, 0, memory.SpareCapacity);
            Assert.Equal(0, memory.QueuedBytes);
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }

        await WaitUntilAsync(memory, () => memory.StorageBytes == 0 && memory.SpareBytes == 0);
    }

    /// <summary>
    /// A client with a small receive buffer and the image env made, seeded and reset once, its frame read: the
    /// connection's next requests reserve room for a reply as large as a frame's.
    /// </summary>
    private static async Task<GymTestClient> StartImageClientAsync(GymServerFactory server)
    {
        var client = await GymTestClient.ConnectAsync(server.TcpPort, receiveBufferBytes: 16 * 1024);
        await client.RequestAsync("{\"env\":{\"name\":\"" + ImageEnv + "\"}}");
        await client.SendAsync("""{"env":{"seed":"3"}}""");
        AssertFrame(await client.RequestAsync("""{"env":{"action":"reset"}}"""));
        return client;
    }

    /// <summary>Reads replies until the server closes the connection (a reset counting as the close).</summary>
    private static async Task ReadUntilClosedAsync(GymTestClient client)
    {
        try
        {
            while (await client.ReadReplyBodyAsync() is not null)
            {
            }
        }
        catch (Exception exception) when (exception is SocketException or IOException)
        {
            // Closed with requests it never read: the kernel may answer with a reset instead of an end of stream.
        }
    }

    /// <summary>Sends every episode's requests at once and reads nothing; returns an upper bound of a reply's size.</summary>
    private static async Task<long> SendEpisodesAsync(GymTestClient client)
    {
        var requests = new StringBuilder();
        for (var episode = 0; episode < Episodes; episode++)
        {
            requests.Append("{\"env\":{\"action\":\"reset\"}}\r\n");
            for (var step = 0; step < StepsPerEpisode; step++)
            {
                requests.Append(CultureInfo.InvariantCulture, $"{{\"step\":{{\"action\":{step % 4},\"render\":0}}}}\r\n");
            }
        }
        await client.SendRawAsync(Encoding.ASCII.GetBytes(requests.ToString()));
        // Three digits and a comma per element at most, the brackets, and room for reward, done and info.
        return (84 * 84 * 3 * 4) + (84 * 86 * 2) + 1024;
    }

    /// <summary>Reads every reply: each whole, in order, with its full frame.</summary>
    private static async Task ReadEpisodesAsync(GymTestClient client)
    {
        for (var episode = 0; episode < Episodes; episode++)
        {
            AssertFrame(await client.ReadReplyAsync());
            for (var step = 1; step <= StepsPerEpisode; step++)
            {
                var reply = await client.ReadReplyAsync();
                AssertFrame(reply);
                Assert.Equal(step, reply.GetProperty("info").GetProperty("step").GetInt32());
                Assert.Equal((step - 1) % 4 * 0.5, reply.GetProperty("reward").GetDouble());
            }
        }
    }

    private static void AssertFrame(JsonElement reply)
    {
        var frame = reply.GetProperty("observation");
        Assert.Equal(84, frame.GetArrayLength());
        Assert.All(frame.EnumerateArray(), row =>
        {
            Assert.Equal(84, row.GetArrayLength());
            Assert.All(row.EnumerateArray(), pixel => Assert.Equal(3, pixel.GetArrayLength()));
        });
    }

    private static async Task AssertOthersAreServedAsync(GymServerFactory server)
    {
        await using var other = await server.ConnectAsync();
        await other.RequestAsync("""{"env":{"name":"CartPole-v1"}}""");
        await other.RequestAsync("""{"env":{"action":"reset"}}""");
        for (var i = 0; i < 5; i++)
        {
            Assert.True((await other.RequestAsync("""{"step":{"action":1,"render":0}}""")).TryGetProperty("observation", out _));
        }
        await using var image = await StartImageClientAsync(server);
        Assert.Equal(84, (await image.RequestAsync("""{"env":{"action":"reset"}}""")).GetProperty("observation").GetArrayLength());
    }

    /// <summary>
    /// Waits for the reply memory's state (it raises Changed when a connection pauses, resumes or ends, and when a
    /// spare buffer is kept or taken).
    /// </summary>
    private static Task WaitUntilAsync(ReplyMemory memory, Func<bool> condition) =>
        ChangedEvent.WaitUntilAsync(h => memory.Changed += h, h => memory.Changed -= h, condition, TimeSpan.FromSeconds(120));
}
