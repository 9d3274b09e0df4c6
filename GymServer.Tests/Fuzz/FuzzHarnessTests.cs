using System.IO.Compression;
using System.Text;

namespace GymServer.Tests.Fuzz;

/// <summary>
/// The fuzz harness's reader cuts the server's stream into replies as a careful protocol-1 client would: a zlib body
/// that happens to end with "\r\n" runs into its terminator, and is still read whole.
/// </summary>
public sealed class FuzzHarnessTests
{
    [Fact]
    public void ACompressedReplyEndingWithCrLfIsReadWholeAndCounted()
    {
        // A zlib stream ends with its Adler-32, whose last two bytes are 1 + the sum of the data's bytes (mod 65521):
        // a body whose bytes sum to 0x0D0A - 1 ends with "\r\n".
        var json = Enumerable.Range(0, 64).Select(length => $"{{\"observation\":\"{new string('a', length)}\"}}")
            .SelectMany(text => Enumerable.Range('0', 75).Select(last => text.Insert(text.Length - 2, ((char)last).ToString())))
            .First(text => 1 + Encoding.UTF8.GetBytes(text).Sum(b => b) == 0x0D0A);
        var endsWithCrLf = Compress(json);
        Assert.True(endsWithCrLf is [.., (byte)'\r', (byte)'\n']);
        var plain = "{\"done\":false}"u8.ToArray();
        byte[] stream = [.. endsWithCrLf, .. "\r\n\r\n"u8, .. plain, .. "\r\n\r\n"u8];
        var harness = new FuzzHarness();

        var replies = harness.SplitReplies(stream);

        Assert.Equal(2, replies.Count);
        Assert.Equal(endsWithCrLf, replies[0]);
        Assert.Equal(plain, replies[1]);
        Assert.Equal(1, harness.SplitCompressedReplies);
    }

    [Fact]
    public void AStreamEndingInsideAReplyFails()
    {
        byte[] stream = [.. "{\"done\":false}\r\n\r\n{\"done\""u8];
        Assert.ThrowsAny<Exception>(() => new FuzzHarness().SplitReplies(stream));
    }

    private static byte[] Compress(string json)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Fastest))
        {
            zlib.Write(Encoding.UTF8.GetBytes(json));
        }
        return output.ToArray();
    }
}
