using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Sessions;
using GymServer.Protocol;
using GymServer.Tests.Functional;
using GymServer.Tests.Infrastructure;
using GymServer.Web.Tcp;

namespace GymServer.Tests.Fuzz;

/// <summary>
/// Runs one <see cref="FuzzInput"/> through the server's real connection (read loop, line reader, both dispatchers,
/// write loop) over in-memory pipes, and checks the outcome: the connection ends once the client's stream does, before
/// a deadline (no hang); every reply is one JSON object, and every error has a code and a message; protocol 2 answers
/// every line exactly once; and nothing was logged as an error (no request crashed).
/// </summary>
public sealed class FuzzHarness
{
    /// <summary>Far beyond what one input takes (milliseconds): reaching it means the connection hung.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>Small, so that repeated ranges make lines past it (line_too_long, then the line discarded).</summary>
    private static readonly GymTcpOptions Options = new() { MaxLineLength = 2048 };

    private readonly EnvCatalog _catalog = new([new NativeEnvProvider(NativeEnvironments.CreateRegistry())]);
    private long _lines;
    private long _connections;
    private long _replies;
    private long _splitCompressed;

    public long Lines => Interlocked.Read(ref _lines);

    public long Connections => Interlocked.Read(ref _connections);

    public long Replies => Interlocked.Read(ref _replies);

    /// <summary>Compressed replies whose zlib bytes happened to hold the reply terminator (see docs/protocol.md).</summary>
    public long SplitCompressedReplies => Interlocked.Read(ref _splitCompressed);

    public async Task RunAsync(FuzzInput input)
    {
        var log = new ErrorLog();
        using var deadline = new CancellationTokenSource(Deadline);
        await using (var connection = PipeConnection.Start(Options, log, _catalog, maxEnvs: 4))
        {
            var (single, vector) = await SetUpAsync(connection, input, deadline.Token);
            var (payload, requests) = input.Bytes(single, vector);
            var reading = connection.ReadToEndAsync(deadline.Token);
            var offset = 0;
            for (var i = 0; offset < payload.Length; i++)
            {
                var size = Math.Min(input.Chunks[i % input.Chunks.Length], payload.Length - offset);
                await connection.WriteAsync(payload.AsMemory(offset, size), deadline.Token);
                offset += size;
            }
            await connection.CompleteAsync();
            var stream = await reading;
            await connection.Finished.WaitAsync(deadline.Token);

            var replies = SplitReplies(stream);
            foreach (var reply in replies)
            {
                AssertWellFormed(reply);
            }
            if (input.Protocol == 2)
            {
                Assert.Equal(requests, replies.Count);
            }
            else
            {
                Assert.True(replies.Count <= input.Lines.Length, $"{replies.Count} replies to {input.Lines.Length} lines");
            }
            Interlocked.Add(ref _replies, replies.Count);
        }
        Assert.True(log.Errors.Count == 0, string.Join("\n", log.Errors));
        Interlocked.Add(ref _lines, input.Lines.Length);
        Interlocked.Increment(ref _connections);
    }

    /// <summary>Makes the env (protocol 2: a single env and a vector env of two) and resets, unmutated.</summary>
    private static async Task<(string Single, string Vector)> SetUpAsync(PipeConnection connection, FuzzInput input, CancellationToken cancellationToken)
    {
        if (input.Protocol == 2)
        {
            await RequestAsync(connection, Protocol2.Handshake, cancellationToken);
        }
        if (!input.SetUp)
        {
            return ("fad213f28cfa8", "9be1c04d2a7f3");
        }
        if (input.Protocol == 1)
        {
            await RequestAsync(connection, $"{{\"env\":{{\"name\":\"{input.EnvId}\"}}}}", cancellationToken);
            await RequestAsync(connection, "{\"env\":{\"action\":\"reset\"}}", cancellationToken);
            return ("", "");
        }
        var single = (await RequestAsync(connection, $"{{\"make\":{{\"id\":\"{input.EnvId}\"}}}}", cancellationToken)).GetProperty("instance").GetString()!;
        var vector = (await RequestAsync(connection, $"{{\"make_vec\":{{\"id\":\"{input.EnvId}\",\"num_envs\":2}}}}", cancellationToken)).GetProperty("instance").GetString()!;
        await RequestAsync(connection, $"{{\"reset\":{{\"instance\":\"{single}\",\"seed\":0}}}}", cancellationToken);
        await RequestAsync(connection, $"{{\"reset_vec\":{{\"instance\":\"{vector}\",\"seed\":0}}}}", cancellationToken);
        return (single, vector);
    }

    private static async Task<JsonElement> RequestAsync(PipeConnection connection, string line, CancellationToken cancellationToken)
    {
        await connection.WriteAsync(Encoding.UTF8.GetBytes(line + "\r\n"), cancellationToken);
        var reply = await connection.ReadReplyBytesAsync(cancellationToken) ?? throw new EndOfStreamException("no reply to the set-up");
        using var document = JsonDocument.Parse(reply);
        Assert.False(document.RootElement.TryGetProperty("error", out _), $"{line} failed: {Encoding.UTF8.GetString(reply)}");
        return document.RootElement.Clone();
    }

    /// <summary>
    /// The server's stream cut into reply bodies at each "\r\n\r\n". Protocol 1 does not escape compressed bodies,
    /// so the zlib bytes of a reply can hold the terminator, or end with "\r\n" and so run into it (docs/protocol.md,
    /// Compression): for a zlib body, the first terminator after which the body inflates to one JSON document is its
    /// end; such replies are counted. The stream must end with a terminator: anything after the last is a cut reply.
    /// </summary>
    internal List<byte[]> SplitReplies(byte[] stream)
    {
        var replies = new List<byte[]>();
        var start = 0;
        while (start < stream.Length)
        {
            var end = NextTerminator(stream, start);
            Assert.True(end >= 0, $"the server ended inside a reply: {Encoding.UTF8.GetString(stream.AsSpan(start))}");
            if (stream[start] == 0x78)
            {
                var whole = end;
                while (whole >= 0 && !Inflates(stream[start..whole]))
                {
                    whole = NextTerminator(stream, whole + 1);
                }
                if (whole > end)
                {
                    Interlocked.Increment(ref _splitCompressed);
                    end = whole;
                }
            }
            replies.Add(stream[start..end]);
            start = end + Terminator.Length;
        }
        return replies;

        static int NextTerminator(byte[] stream, int from)
        {
            var at = stream.AsSpan(from).IndexOf(Terminator);
            return at < 0 ? -1 : from + at;
        }
    }

    private static ReadOnlySpan<byte> Terminator => "\r\n\r\n"u8;

    /// <summary>
    /// Whether <paramref name="body"/> is one whole zlib stream of one JSON document. Its Adler-32 is checked here:
    /// the inflater does not, so a body cut two bytes short (one ending with "\r\n" read up to the first
    /// terminator) would pass for whole.
    /// </summary>
    private static bool Inflates(byte[] body)
    {
        try
        {
            var json = GymTestClient.Decompress(body);
            // A cut zlib stream may inflate to a cut body rather than throw: the whole must be one JSON document.
            using var document = JsonDocument.Parse(json);
            return body.Length >= 4 && BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(^4)) == Adler32(json);
        }
        catch (Exception exception) when (exception is InvalidDataException or JsonException)
        {
            return false;
        }
    }

    private static uint Adler32(ReadOnlySpan<byte> data)
    {
        const uint Modulus = 65521;
        uint a = 1, b = 0;
        foreach (var value in data)
        {
            a = (a + value) % Modulus;
            b = (b + a) % Modulus;
        }
        return (b << 16) | a;
    }

    /// <summary>One JSON object (inflated first if compression is on); an error is exactly {"error":{"code","message"}}.</summary>
    private static void AssertWellFormed(byte[] body)
    {
        using var document = Parse(body);
        var root = document.RootElement;
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        if (!root.TryGetProperty("error", out var error))
        {
            return;
        }
        Assert.Single(root.EnumerateObject());
        var code = error.GetProperty("code").GetString();
        Assert.False(string.IsNullOrEmpty(code), root.GetRawText());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()), root.GetRawText());
        Assert.NotEqual(EnvErrorCodes.EnvError, code);
    }

    private static JsonDocument Parse(byte[] body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException) when (body is [0x78, ..])
        {
            // After {"server":{"compression":..}} protocol-1 replies are zlib streams (0x78: the zlib header's first byte).
            return JsonDocument.Parse(GymTestClient.Decompress(body));
        }
    }
}
