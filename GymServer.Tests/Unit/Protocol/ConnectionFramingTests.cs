using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using GymServer.Tests.Infrastructure;
using GymServer.Web.Tcp;

namespace GymServer.Tests.Unit.Protocol;

/// <summary>
/// The server's connection loops on in-memory pipes: however the client's bytes are cut into reads, every request
/// line gets its reply (or none, by its kind), in order; bad lines get errors and the connection goes on.
/// </summary>
public sealed class ConnectionFramingTests
{
    private const string Make = "{\"env\":{\"name\":\"CartPole-v1\"}}";
    private const string ActionSpace = "{\"env\":{\"action\":\"actionspace\"}}";
    private const string ActionSpaceReply = "{\"info\":{\"name\":\"Discrete\",\"n\":2}}";

    [Fact]
    public async Task ManyRequestsInOneReadGetTheirRepliesInOrder()
    {
        await using var connection = PipeConnection.Start();
        var requests = new StringBuilder(Make + "\r\n{\"env\":{\"action\":\"reset\"}}\r\n");
        for (var i = 0; i < 100; i++)
        {
            requests.Append(i % 2 == 0 ? "{\"step\":{\"action\":0}}\r\n" : "{\"env\":{\"seed\":\"1\"}}\r\n" + ActionSpace + "\n");
        }
        await connection.WriteAsync(requests.ToString());

        Assert.Contains("instance", await connection.ReadReplyAsync());
        Assert.Contains("observation", await connection.ReadReplyAsync());
        for (var i = 0; i < 100; i++)
        {
            var reply = await connection.ReadReplyAsync();
            if (i % 2 == 0)
            {
                Assert.StartsWith("{\"observation\":[", reply);
            }
            else
            {
                Assert.Equal(ActionSpaceReply, reply);
            }
        }
    }

    [Fact]
    public async Task ARequestSplitByteByByteIsOneRequest()
    {
        await using var connection = PipeConnection.Start();
        foreach (var b in Encoding.UTF8.GetBytes(Make + "\r\n" + ActionSpace + "\r\n"))
        {
            await connection.WriteAsync(new[] { b });
        }
        Assert.Contains("instance", await connection.ReadReplyAsync());
        Assert.Equal(ActionSpaceReply, await connection.ReadReplyAsync());
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public async Task EitherTerminatorEndsARequest(string terminator)
    {
        await using var connection = PipeConnection.Start();
        await connection.WriteAsync(Make + terminator + ActionSpace + terminator);
        Assert.Contains("instance", await connection.ReadReplyAsync());
        Assert.Equal(ActionSpaceReply, await connection.ReadReplyAsync());
    }

    [Theory]
    [InlineData(64)]
    [InlineData(1024)]
    public async Task AnOversizeLineGetsOneErrorAndTheNextLineIsServed(int maxLineLength)
    {
        await using var connection = PipeConnection.Start(new GymTcpOptions { MaxLineLength = maxLineLength });
        await connection.WriteAsync(Make + "\r\n");
        Assert.Contains("instance", await connection.ReadReplyAsync());
        var oversize = "{\"step\":{\"action\":\"" + new string(' ', maxLineLength * 3) + "\"}}\r\n";
        foreach (var piece in Encoding.UTF8.GetBytes(oversize + ActionSpace + "\r\n").Chunk(50))
        {
            await connection.WriteAsync(piece);
        }
        AssertError(await connection.ReadReplyAsync(), "line_too_long");
        Assert.Equal(ActionSpaceReply, await connection.ReadReplyAsync());
    }

    [Fact]
    public async Task InvalidUtf8GetsAnErrorAndTheNextLineIsServed()
    {
        await using var connection = PipeConnection.Start();
        byte[] bytes = [.. "{\"env\":{\"name\":\""u8, 0xFF, 0xFE, .. "\"}}\r\n"u8, .. Encoding.UTF8.GetBytes(Make + "\r\n")];
        await connection.WriteAsync(bytes);
        AssertError(await connection.ReadReplyAsync(), "invalid_json");
        Assert.Contains("instance", await connection.ReadReplyAsync());
    }

    [Theory]
    [InlineData("{\"env\":{\"action\":\"reset\"")]
    [InlineData("{\"env\":")]
    [InlineData("{")]
    public async Task TruncatedJsonAtEndOfStreamGetsItsErrorThenTheConnectionEnds(string truncated)
    {
        await using var connection = PipeConnection.Start();
        await connection.WriteAsync(Make + "\r\n" + truncated);
        await connection.CompleteAsync();
        Assert.Contains("instance", await connection.ReadReplyAsync());
        AssertError(await connection.ReadReplyAsync(), "invalid_json");
        Assert.Null(await connection.ReadReplyAsync());
        await connection.Finished;
    }

    [Fact]
    public async Task ACompleteLastRequestWithoutTerminatorIsServed()
    {
        await using var connection = PipeConnection.Start();
        await connection.WriteAsync(Make);
        await connection.CompleteAsync();
        Assert.Contains("instance", await connection.ReadReplyAsync());
        Assert.Null(await connection.ReadReplyAsync());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"env\":{\"name\":\"CartPole-v1\"}")]
    [InlineData("{'env':{'name':'CartPole-v1'}}")]
    [InlineData("")]
    public async Task BadJsonGetsAnErrorAndTheConnectionGoesOn(string line)
    {
        await using var connection = PipeConnection.Start();
        await connection.WriteAsync(line + "\r\n" + Make + "\r\n");
        AssertError(await connection.ReadReplyAsync(), "invalid_json");
        Assert.Contains("instance", await connection.ReadReplyAsync());
    }

    [Fact]
    public async Task AClientThatDoesNotReadOnlyHoldsABoundedNumberOfRepliesInTheServer()
    {
        const int capacity = 2;
        const int requests = 200;
        // Both pipes pause at one unconsumed byte: a client write completes only once the server consumed it, and a
        // server flush only once the client read it. So "consumed minus read" is what the server holds.
        var tight = new PipeOptions(pauseWriterThreshold: 1, resumeWriterThreshold: 1, useSynchronizationContext: false);
        await using var connection = PipeConnection.Start(new GymTcpOptions { ReplyQueueCapacity = capacity }, tight, tight);
        await connection.WriteAsync(Make + "\r\n");
        Assert.Contains("instance", await connection.ReadReplyAsync());

        var read = 0;
        var mostAhead = 0;
        var writing = Task.Run(async () =>
        {
            for (var i = 1; i <= requests; i++)
            {
                await connection.WriteAsync(ActionSpace + "\r\n");
                mostAhead = Math.Max(mostAhead, i - Volatile.Read(ref read));
            }
        });
        for (var i = 0; i < requests; i++)
        {
            Assert.Equal(ActionSpaceReply, await connection.ReadReplyAsync());
            Interlocked.Increment(ref read);
        }
        await writing;

        // The server ran ahead of the reader by at most the replies in its queue and in the write loop's pending
        // flush (and the pipe): a small constant, where an unbounded server would run ahead by up to 200.
        Assert.InRange(mostAhead, 0, (2 * capacity) + 3);
    }

    private static void AssertError(string? reply, string code)
    {
        Assert.NotNull(reply);
        using var document = JsonDocument.Parse(reply);
        Assert.Equal(code, document.RootElement.GetProperty("error").GetProperty("code").GetString());
    }
}
