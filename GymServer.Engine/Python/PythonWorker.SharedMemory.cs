using GymServer.Engine.Environments;
using GymServer.Protocol;

namespace GymServer.Engine.Python;

/// <summary>
/// The shared memory slots of this worker's envs. They are released when their env closes, and all at once when the
/// worker is lost: a dead worker's slots are unmapped at once, whether or not its sessions ever close their envs.
/// </summary>
internal sealed partial class PythonWorker
{
    private readonly HashSet<SharedSlot> _sharedSlots = [];
    private bool _sharedSlotsReleased;

    /// <summary>Slots mapped for envs of this worker and not yet released.</summary>
    public int SharedSlotCount
    {
        get
        {
            lock (_sharedSlots)
            {
                return _sharedSlots.Count;
            }
        }
    }

    /// <summary>
    /// A slot of <paramref name="length"/> bytes for env <paramref name="handle"/>'s values, mapped in the worker
    /// (the <c>attach</c> command); null when they stay on the pipe (see <see cref="WorkerSharedMemory.TryCreate"/>,
    /// or the worker could not map the file). The file is unlinked whatever happened.
    /// </summary>
    /// <exception cref="EnvException">worker_lost.</exception>
    public async Task<SharedSlot?> AttachSlotAsync(WorkerSharedMemory memory, uint handle, SharedSlotUse use, int length)
    {
        var slot = memory.TryCreate(length);
        if (slot is null)
        {
            return null;
        }
        try
        {
            var attach = new BufferedCall(WorkerCommand.Attach, handle);
            // Not cancellable: a worker that mapped the slot writes values there, so the server must know it did.
            await CallAsync(attach, WorkerRequests.Attach(slot.Path, slot.Length, use), ReadOnlyMemory<byte>.Empty, CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch (EnvException error) when (error.Code != EnvErrorCodes.WorkerLost)
        {
            // It could not map the file (a worker in another mount namespace, say): this env's values stay on the pipe.
            slot.Dispose();
            memory.CountFallback($"worker {Slot} could not map {slot.Path}: {error.Message}");
            return null;
        }
        catch
        {
            slot.Dispose();
            throw;
        }
        finally
        {
            slot.Unlink();
        }
        lock (_sharedSlots)
        {
            if (!_sharedSlotsReleased)
            {
                _sharedSlots.Add(slot);
                return slot;
            }
        }
        slot.Dispose();
        throw WorkerErrors.Lost(_lostReason ?? "it was stopped");
    }

    /// <summary>Releases an env's slot (after its close, or when the env no longer uses it).</summary>
    public void ReleaseSlot(SharedSlot? slot)
    {
        if (slot is null)
        {
            return;
        }
        lock (_sharedSlots)
        {
            _sharedSlots.Remove(slot);
        }
        slot.Dispose();
    }

    /// <summary>Called once the worker is lost: every slot of its envs goes, and no new one is taken.</summary>
    private void ReleaseSharedSlots()
    {
        SharedSlot[] slots;
        lock (_sharedSlots)
        {
            _sharedSlotsReleased = true;
            slots = [.. _sharedSlots];
            _sharedSlots.Clear();
        }
        foreach (var slot in slots)
        {
            slot.Dispose();
        }
    }
}
