using System.IO.MemoryMappedFiles;

namespace GymServer.Engine.Python;

/// <summary>What a worker writes into a slot: an env's observations, or its rendered frames.</summary>
internal enum SharedSlotUse
{
    Observation,
    Frame,
}

/// <summary>
/// A region of shared memory one env's worker writes values into (docs/worker-protocol.md, "Shared memory"): a file
/// under <see cref="PythonOptions.SharedMemoryDirectory"/>, mapped here and, after <c>attach</c>, in the worker, then
/// unlinked, so the memory lives exactly as long as the two mappings. Reads are safe against a concurrent
/// <see cref="Dispose"/> (a worker lost while a reply is read): the view's handle is counted while a read uses it, and
/// a read after disposal fails with worker_lost.
/// </summary>
internal sealed class SharedSlot : IDisposable
{
    private readonly WorkerSharedMemory _owner;
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private int _disposed;

    private SharedSlot(WorkerSharedMemory owner, string path, int length, long reservedBytes, MemoryMappedFile file, MemoryMappedViewAccessor view)
    {
        _owner = owner;
        Path = path;
        Length = length;
        ReservedBytes = reservedBytes;
        _file = file;
        _view = view;
    }

    /// <summary>The file's path, until <see cref="Unlink"/>; the worker opens it to map the slot.</summary>
    public string Path { get; }

    /// <summary>The value bytes the slot holds.</summary>
    public int Length { get; }

    /// <summary>What it counts against the node's cap: <see cref="Length"/> in whole pages.</summary>
    public long ReservedBytes { get; }

    /// <summary>
    /// Creates the file with its pages allocated now (<c>fallocate</c>), so a full tmpfs fails here with an
    /// <see cref="IOException"/> rather than with SIGBUS in whichever process first touches a missing page.
    /// </summary>
    public static SharedSlot Create(WorkerSharedMemory owner, string path, int length, long reservedBytes)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.ReadWrite,
            PreallocationSize = reservedBytes,
        };
        if (!OperatingSystem.IsWindows())
        {
            // Only this user's processes (the server and its workers) may map an env's observations.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        var stream = new FileStream(path, options);
        MemoryMappedFile? file = null;
        try
        {
            stream.SetLength(length);
            file = MemoryMappedFile.CreateFromFile(stream, null, length, MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: false);
            return new SharedSlot(owner, path, length, reservedBytes, file, file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read));
        }
        catch
        {
            if (file is null)
            {
                stream.Dispose();
            }
            else
            {
                file.Dispose();
            }
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Copies the slot's first <c>destination.Length</c> bytes: the value the worker wrote before replying.</summary>
    /// <exception cref="Environments.EnvException">worker_lost, once the slot was released with its worker.</exception>
    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length > Length)
        {
            throw WorkerErrors.Protocol($"a value of {destination.Length} bytes does not fit its {Length}-byte shared memory slot");
        }
        var handle = _view.SafeMemoryMappedViewHandle;
        unsafe
        {
            byte* start = null;
            try
            {
                // Counts the handle as in use until ReleasePointer: a Dispose meanwhile unmaps only after it.
                handle.AcquirePointer(ref start);
            }
            catch (ObjectDisposedException)
            {
                throw WorkerErrors.Lost("its shared memory was released");
            }
            try
            {
                // Span's copy is the C library's memmove for large sizes; SafeBuffer.ReadSpan copied several times slower.
                new ReadOnlySpan<byte>(start + _view.PointerOffset, destination.Length).CopyTo(destination);
            }
            finally
            {
                handle.ReleasePointer();
            }
        }
    }

    /// <summary>Removes the file once the worker has mapped it (or failed to): the mappings keep the memory.</summary>
    public void Unlink()
    {
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
            // Gone already (the pool's start-up sweep of a previous run's files does not touch this run's).
        }
    }

    /// <summary>Unmaps the slot (once no read is using it) and gives its bytes back to the node's budget.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        _view.Dispose();
        _file.Dispose();
        _owner.Released(this);
    }
}
