using System.Buffers;
using System.Runtime.InteropServices;

namespace GymServer.Web.Tcp;

/// <summary>
/// A large reply's storage outside the garbage-collected heap, counted in <see cref="ReplyMemory.StorageBytes"/>
/// while it exists. Freed the moment its buffer lets it go: arrays of pixel replies (hundreds of KiB each) on the
/// large object heap are collected only by full collections, which a server whose clients stopped reading may not
/// run for a long time, so its memory stayed at the peak of every reply ever made (bench/README.md, the memory test).
/// No finalizer (a span over the block could outlive its last reference, CA2015): the connection gives back every
/// buffer it rents, the one being made, the queued and the spare ones, when it ends (<see cref="GymConnection"/>).
/// </summary>
internal sealed unsafe class NativeReplyBlock : MemoryManager<byte>
{
    private readonly ReplyMemory _memory;
    private readonly int _length;
    private nint _pointer;

    public NativeReplyBlock(ReplyMemory memory, int length)
    {
        _memory = memory;
        _length = length;
        _pointer = (nint)NativeMemory.Alloc((nuint)length);
        memory.StorageChanged(length);
    }

    public override Span<byte> GetSpan() => new((void*)GetPointer(), _length);

    // Native memory does not move: pinning is a no-op.
    public override MemoryHandle Pin(int elementIndex = 0)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)elementIndex, (uint)_length, nameof(elementIndex));
        return new MemoryHandle((byte*)GetPointer() + elementIndex);
    }

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
        var pointer = Interlocked.Exchange(ref _pointer, 0);
        if (pointer != 0)
        {
            NativeMemory.Free((void*)pointer);
            _memory.StorageChanged(-_length);
        }
    }

    private nint GetPointer()
    {
        var pointer = Volatile.Read(ref _pointer);
        ObjectDisposedException.ThrowIf(pointer == 0, this);
        return pointer;
    }
}
