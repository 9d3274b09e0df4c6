using System.Buffers;

namespace GymServer.Protocol.Framing;

/// <summary>
/// A growable buffer holding one or more framed replies on their way to the socket. Buffers are reused from reply
/// to reply, so a steady stream of steps allocates nothing; a partly written reply can be cut off again. Past a few
/// KiB the storage comes from the shared <see cref="ArrayPool{T}"/> and goes back to it as the buffer grows or is
/// let go (<see cref="Release"/>): a server queueing many large replies (pixel observations) reuses that memory
/// instead of leaving it to the garbage collector. Given an <see cref="IReplyStorage"/>, that storage comes from it
/// instead (the server's connections: counted, and returned to the system when let go).
/// </summary>
public sealed class ReplyBuffer(int initialCapacity = 512, IReplyStorage? storage = null) : IBufferWriter<byte>
{
    /// <summary>Sizes from which storage is rented (from the pool or the given storage) rather than allocated.</summary>
    private const int PooledFrom = 16 * 1024;

    private Memory<byte> _buffer = new byte[initialCapacity];
    private int _written;
    /// <summary>The shared pool's array behind <see cref="_buffer"/>, when it came from there.</summary>
    private byte[]? _pooledArray;
    /// <summary>The given storage's owner of <see cref="_buffer"/>, when it came from there.</summary>
    private IMemoryOwner<byte>? _stored;

    public int WrittenCount => _written;

    /// <summary>The bytes the buffer holds, written or not.</summary>
    public int Capacity => _buffer.Length;

    public ReadOnlyMemory<byte> WrittenMemory => _buffer[.._written];

    public ReadOnlySpan<byte> WrittenSpan => _buffer.Span[.._written];

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _written);
        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer[_written..];
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.Span[_written..];
    }

    /// <summary>
    /// A range already written, to fill in a field (a length) once what follows it is written. Valid until the next
    /// write.
    /// </summary>
    public Span<byte> Rewrite(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, _written - start);
        return _buffer.Span.Slice(start, length);
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
        GiveBack();
        _buffer = Memory<byte>.Empty;
        _written = 0;
    }

    private void Ensure(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= needed)
        {
            return;
        }
        var size = Math.Max(_buffer.Length * 2, _written + needed);
        Memory<byte> larger;
        byte[]? pooledArray = null;
        IMemoryOwner<byte>? stored = null;
        if (size < PooledFrom)
        {
            larger = new byte[size];
        }
        else if (storage is not null)
        {
            stored = storage.Rent(size);
            larger = stored.Memory;
        }
        else
        {
            pooledArray = ArrayPool<byte>.Shared.Rent(size);
            larger = pooledArray;
        }
        _buffer.Span[.._written].CopyTo(larger.Span);
        GiveBack();
        _buffer = larger;
        _pooledArray = pooledArray;
        _stored = stored;
    }

    private void GiveBack()
    {
        if (_pooledArray is not null)
        {
            ArrayPool<byte>.Shared.Return(_pooledArray);
            _pooledArray = null;
        }
        _stored?.Dispose();
        _stored = null;
    }
}
