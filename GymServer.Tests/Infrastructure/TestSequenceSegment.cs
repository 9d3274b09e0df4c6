using System.Buffers;

namespace GymServer.Tests.Infrastructure;

/// <summary>Builds multi-segment <see cref="ReadOnlySequence{T}"/>s, to test parsers on data split anywhere.</summary>
public sealed class TestSequenceSegment : ReadOnlySequenceSegment<byte>
{
    private TestSequenceSegment(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    /// <summary>The bytes as a sequence of segments of the given sizes (the last takes the rest).</summary>
    public static ReadOnlySequence<byte> Split(ReadOnlySpan<byte> bytes, params int[] sizes)
    {
        var pieces = new List<byte[]>();
        var offset = 0;
        foreach (var size in sizes)
        {
            pieces.Add(bytes.Slice(offset, size).ToArray());
            offset += size;
        }
        pieces.Add(bytes[offset..].ToArray());
        return Create(pieces);
    }

    /// <summary>One segment per byte.</summary>
    public static ReadOnlySequence<byte> ByteByByte(ReadOnlySpan<byte> bytes) =>
        Create([.. bytes.ToArray().Select(b => new[] { b })]);

    private static ReadOnlySequence<byte> Create(IReadOnlyList<byte[]> pieces)
    {
        var first = new TestSequenceSegment(pieces[0], 0);
        var last = first;
        for (var i = 1; i < pieces.Count; i++)
        {
            var next = new TestSequenceSegment(pieces[i], last.RunningIndex + last.Memory.Length);
            last.Next = next;
            last = next;
        }
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }
}
