using System.Buffers;

namespace GymServer.Protocol.Framing;

/// <summary>
/// A growable buffer holding one or more framed replies on their way to the socket. Buffers are reused from reply
/// to reply, so a steady stream of steps allocates nothing; a partly written reply can be cut off again. Past a few
/// KiB the storage comes from the shared <see cref="ArrayPool{T}"/> and goes back to it as the buffer grows or is
/// let go (<see cref="Release"/>): a server queueing many large replies (pixel observations) reuses that memory
/// instead of leaving it to the garbage collector.
/// </summary>
public sealed class ReplyBuffer(int initialCapacity = 512) : IBufferWriter<byte>
{
    /// <summary>Sizes from which storage is rented from the shared pool rather than allocated.</summary>
    private const int PooledFrom = 16 * 1024;

    private byte[] _buffer = new byte[initialCapacity];
    private int _written;
    private bool _pooled;

    public int WrittenCount => _written;

    /// <summary>The bytes the buffer holds, written or not.</summary>
    public int Capacity => _buffer.Length;

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _written);

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _written);
        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    /// <summary>
    /// A range already written, to fill in a field (a length) once what follows it is written. Valid until the next
    /// write.
    /// </summary>
    public Span<byte> Rewrite(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, _written - start);
        return _buffer.AsSpan(start, length);
    }

    /// <summary>Drops everything written after <paramref name="count"/> bytes.</summary>
    public void Truncate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _written);
        _written = count;
    }

    public void Clear() => _written = 0;

    /// <summary>
    /// Gives pooled storage back, when the owner lets the buffer go; it stays usable, starting small again.
    /// </summary>
    public void Release()
    {
        if (_pooled)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }
        _buffer = [];
        _written = 0;
        _pooled = false;
    }

    private void Ensure(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= needed)
        {
            return;
        }
        var size = Math.Max(_buffer.Length * 2, _written + needed);
        byte[] larger;
        if (size >= PooledFrom)
        {
            larger = ArrayPool<byte>.Shared.Rent(size);
        }
        else
        {
            larger = new byte[size];
        }
        _buffer.AsSpan(0, _written).CopyTo(larger);
        if (_pooled)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }
        _buffer = larger;
        _pooled = size >= PooledFrom;
    }
}
