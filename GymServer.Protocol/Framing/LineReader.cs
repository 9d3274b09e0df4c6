using System.Buffers;

namespace GymServer.Protocol.Framing;

/// <summary>
/// Splits a byte stream into request lines terminated by "\n" or "\r\n", without copying and without turning bytes
/// into strings. One instance per connection: it remembers a line it is discarding and how far it has searched.
/// </summary>
/// <remarks>
/// A line may hold at most <see cref="MaxLineLength"/> bytes, not counting its terminator. The reader never looks
/// further than that for a terminator, so a peer cannot make it scan or hold more than one maximum line.
/// </remarks>
public sealed class LineReader
{
    private bool _discarding;
    private long _searched;

    public LineReader(int maxLineLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineLength, 1);
        MaxLineLength = maxLineLength;
    }

    /// <summary>The longest line accepted, in bytes, without its terminator.</summary>
    public int MaxLineLength { get; }

    /// <summary>Whether the reader is skipping the rest of a line that was too long.</summary>
    public bool IsDiscarding => _discarding;

    /// <summary>
    /// Takes the next line off the front of <paramref name="buffer"/>. On <see cref="LineStatus.Line"/> the buffer
    /// starts after the line's terminator; on <see cref="LineStatus.NeedMoreData"/> every byte that can be consumed
    /// has been (the buffer holds the start of an incomplete line, or nothing).
    /// </summary>
    public LineStatus TryRead(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        line = default;
        if (_discarding && !SkipDiscardedLine(ref buffer))
        {
            return LineStatus.NeedMoreData;
        }

        // A terminator can be at most MaxLineLength + 1 bytes in (after the line and an optional '\r').
        var window = Math.Min(buffer.Length, MaxLineLength + 2L);
        var newline = IndexOfNewline(buffer, _searched, window);
        if (newline < 0)
        {
            if (buffer.Length >= MaxLineLength + 2L)
            {
                // No terminator where one must be: the line is too long. Drop it up to its terminator, which may
                // already be here or may come in later reads.
                _discarding = true;
                _searched = 0;
                SkipDiscardedLine(ref buffer);
                return LineStatus.TooLong;
            }
            _searched = window;
            return LineStatus.NeedMoreData;
        }

        _searched = 0;
        line = buffer.Slice(0, newline);
        buffer = buffer.Slice(newline + 1);
        if (!line.IsEmpty && EndsWithCarriageReturn(line))
        {
            line = line.Slice(0, line.Length - 1);
        }
        return line.Length > MaxLineLength ? LineStatus.TooLong : LineStatus.Line;
    }

    /// <summary>Forgets any partial state, as when a connection starts over.</summary>
    public void Reset()
    {
        _discarding = false;
        _searched = 0;
    }

    /// <summary>Skips to just after the next '\n'; false (with everything consumed) if none has arrived yet.</summary>
    private bool SkipDiscardedLine(ref ReadOnlySequence<byte> buffer)
    {
        var position = buffer.PositionOf((byte)'\n');
        if (position is null)
        {
            buffer = buffer.Slice(buffer.End);
            return false;
        }
        buffer = buffer.Slice(buffer.GetPosition(1, position.Value));
        _discarding = false;
        return true;
    }

    /// <summary>The offset of the first '\n' in [start, end) of the buffer, or -1.</summary>
    private static long IndexOfNewline(in ReadOnlySequence<byte> buffer, long start, long end)
    {
        if (start >= end)
        {
            return -1;
        }
        if (buffer.IsSingleSegment)
        {
            // Fast path: one IndexOf over a span, as most lines arrive whole in one segment.
            var index = buffer.FirstSpan[(int)start..(int)end].IndexOf((byte)'\n');
            return index < 0 ? -1 : start + index;
        }
        var searched = buffer.Slice(start, end - start);
        var position = searched.PositionOf((byte)'\n');
        return position is null ? -1 : start + searched.Slice(0, position.Value).Length;
    }

    private static bool EndsWithCarriageReturn(in ReadOnlySequence<byte> line)
    {
        if (line.IsSingleSegment)
        {
            return line.FirstSpan[^1] == (byte)'\r';
        }
        return line.Slice(line.Length - 1).FirstSpan[0] == (byte)'\r';
    }
}
