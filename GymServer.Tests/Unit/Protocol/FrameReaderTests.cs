using System.Buffers;
using System.Buffers.Binary;
using GymServer.Protocol.Binary;
using GymServer.Tests.Infrastructure;

namespace GymServer.Tests.Unit.Protocol;

/// <summary>The frame reader on buffers cut into segments anywhere: headers and payloads split, several frames, oversize.</summary>
public sealed class FrameReaderTests
{
    [Fact]
    public void AFrameSplitByteByByteAcrossSegmentsIsOneFrame()
    {
        var bytes = Frame(0x01, [1, 2, 3, 4, 5]);
        var buffer = TestSequenceSegment.ByteByByte(bytes);
        var reader = new FrameReader(64);
        Assert.Equal(FrameStatus.Frame, reader.TryRead(ref buffer, out var header, out var payload));
        Assert.Equal(new FrameHeader(0x01, 0, 5), header);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, payload.ToArray());
        Assert.True(buffer.IsEmpty);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(10)]
    public void AnIncompleteFrameNeedsMoreDataAndLeavesTheBufferAsItWas(int available)
    {
        var bytes = Frame(0x01, new byte[6]).AsSpan(0, available).ToArray();
        var buffer = TestSequenceSegment.Split(bytes, 2, available - 2);
        var reader = new FrameReader(64);
        Assert.Equal(FrameStatus.NeedMoreData, reader.TryRead(ref buffer, out _, out _));
        Assert.Equal(available, buffer.Length);
    }

    [Fact]
    public void SeveralFramesInOneBufferComeOutInOrder()
    {
        byte[] bytes = [.. Frame(0x01, [9]), .. Frame(0x02, []), .. Frame(0x01, [7, 7])];
        var buffer = TestSequenceSegment.Split(bytes, 5, 7, bytes.Length - 12);
        var reader = new FrameReader(64);
        var payloads = new List<byte[]>();
        while (reader.TryRead(ref buffer, out var header, out var payload) == FrameStatus.Frame)
        {
            payloads.Add([header.Type, .. payload.ToArray()]);
        }
        Assert.Equal([[0x01, 9], [0x02], [0x01, 7, 7]], payloads);
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void AnOversizePayloadIsRefusedOnceAndSkippedAcrossReads()
    {
        var reader = new FrameReader(4);
        var big = Frame(0x01, new byte[10]);
        var first = new ReadOnlySequence<byte>(big.AsMemory(0, 11));
        Assert.Equal(FrameStatus.TooLong, reader.TryRead(ref first, out var header, out _));
        Assert.Equal(10u, header.Length);
        Assert.True(first.IsEmpty);
        Assert.True(reader.IsDiscarding);

        // The other 7 payload bytes, then a good frame in the same read.
        byte[] rest = [.. big.AsSpan(11), .. Frame(0x01, [1])];
        var second = new ReadOnlySequence<byte>(rest);
        Assert.Equal(FrameStatus.Frame, reader.TryRead(ref second, out header, out var payload));
        Assert.False(reader.IsDiscarding);
        Assert.Equal(new byte[] { 1 }, payload.ToArray());
    }

    [Theory]
    [InlineData(new byte[] { 0xB7 }, true)]
    [InlineData(new byte[] { (byte)'{' }, false)]
    [InlineData(new byte[] { }, false)]
    public void OnlyTheMagicByteStartsAFrame(byte[] bytes, bool frame) =>
        Assert.Equal(frame, FrameReader.StartsWithFrame(new ReadOnlySequence<byte>(bytes)));

    private static byte[] Frame(byte type, byte[] payload)
    {
        var frame = new byte[8 + payload.Length];
        frame[0] = 0xB7;
        frame[1] = type;
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), (uint)payload.Length);
        payload.CopyTo(frame, 8);
        return frame;
    }
}
