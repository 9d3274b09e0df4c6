using System.Buffers;
using System.Text;
using GymServer.Protocol.Framing;
using GymServer.Protocol.V1;
using GymServer.Tests.Infrastructure;

namespace GymServer.Tests.Unit.Protocol;

/// <summary>The line framing on its own: terminators, splits anywhere, the maximum length.</summary>
public sealed class LineReaderTests
{
    [Theory]
    [InlineData("a\r\nbb\nccc\r\n")]
    [InlineData("a\nbb\r\nccc\n")]
    public void SplitsOnCrLfAndOnBareLf(string text)
    {
        var lines = ReadAll(new LineReader(100), new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(text)), out var rest);
        Assert.Equal(["a", "bb", "ccc"], lines);
        Assert.True(rest.IsEmpty);
    }

    [Fact]
    public void FindsLinesAcrossSegmentsEvenOneByteEach()
    {
        var bytes = "{\"env\":{\"action\":\"reset\"}}\r\n{\"step\":{\"action\":1}}\n"u8;
        var lines = ReadAll(new LineReader(100), TestSequenceSegment.ByteByByte(bytes), out var rest);
        Assert.Equal(["{\"env\":{\"action\":\"reset\"}}", "{\"step\":{\"action\":1}}"], lines);
        Assert.True(rest.IsEmpty);
    }

    [Fact]
    public void ACarriageReturnInTheNextSegmentIsStillPartOfTheTerminator()
    {
        var lines = ReadAll(new LineReader(100), TestSequenceSegment.Split("abc\r\n"u8, 3, 1), out _);
        Assert.Equal(["abc"], lines);
    }

    [Fact]
    public void KeepsAnIncompleteLineForTheNextRead()
    {
        var reader = new LineReader(100);
        var buffer = new ReadOnlySequence<byte>("one\ntw"u8.ToArray());
        Assert.Equal(LineStatus.Line, reader.TryRead(ref buffer, out _));
        Assert.Equal(LineStatus.NeedMoreData, reader.TryRead(ref buffer, out _));
        Assert.Equal("tw", Encoding.ASCII.GetString(buffer.ToArray()));
    }

    [Theory]
    [InlineData(8, "12345678\r\n", LineStatus.Line)]
    [InlineData(8, "12345678\n", LineStatus.Line)]
    [InlineData(8, "123456789\r\n", LineStatus.TooLong)]
    [InlineData(8, "123456789\n", LineStatus.TooLong)]
    [InlineData(1, "1\r\n", LineStatus.Line)]
    public void TheMaximumCountsTheLineWithoutItsTerminator(int max, string text, LineStatus expected)
    {
        var reader = new LineReader(max);
        var buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(text));
        Assert.Equal(expected, reader.TryRead(ref buffer, out _));
        Assert.True(buffer.IsEmpty);
        Assert.False(reader.IsDiscarding);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(64)]
    [InlineData(1000)]
    public void AnOverlongLineArrivingInPiecesIsReportedOnceAndSkippedToItsEnd(int max)
    {
        var reader = new LineReader(max);
        var statuses = new List<LineStatus>();
        var lines = new List<string>();
        var text = new string('x', max * 5) + "\r\nok\r\n";
        // Feed 7 bytes at a time, keeping the unconsumed rest as a pipe would.
        var pending = Array.Empty<byte>();
        foreach (var chunk in Encoding.ASCII.GetBytes(text).Chunk(7))
        {
            var buffer = new ReadOnlySequence<byte>([.. pending, .. chunk]);
            LineStatus status;
            while ((status = reader.TryRead(ref buffer, out var line)) != LineStatus.NeedMoreData)
            {
                statuses.Add(status);
                if (status == LineStatus.Line)
                {
                    lines.Add(Encoding.ASCII.GetString(line.ToArray()));
                }
            }
            pending = buffer.ToArray();
            // Never holds more than one maximum line (plus its terminator) of unconsumed bytes.
            Assert.True(pending.Length <= max + 2, $"{pending.Length} bytes held");
        }
        Assert.Equal([LineStatus.TooLong, LineStatus.Line], statuses);
        Assert.Equal(["ok"], lines);
    }

    [Fact]
    public void AnEmptyLineIsALine()
    {
        var lines = ReadAll(new LineReader(10), new ReadOnlySequence<byte>("\r\n\n"u8.ToArray()), out _);
        Assert.Equal(["", ""], lines);
    }

    private static List<string> ReadAll(LineReader reader, ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> rest)
    {
        var lines = new List<string>();
        LineStatus status;
        while ((status = reader.TryRead(ref buffer, out var line)) != LineStatus.NeedMoreData)
        {
            Assert.Equal(LineStatus.Line, status);
            lines.Add(Encoding.UTF8.GetString(line.ToArray()));
        }
        rest = buffer;
        return lines;
    }
}
