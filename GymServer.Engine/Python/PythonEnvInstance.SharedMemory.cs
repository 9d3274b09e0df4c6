using System.Text.Json;

namespace GymServer.Engine.Python;

/// <summary>
/// The env's shared memory slots: its observations' (attached at make), and its rendered frames' (attached after
/// the first frame, once its size is known). Only the env's own requests touch them, one at a time.
/// </summary>
public sealed partial class PythonEnvInstance
{
    private SharedSlot? _frameSlot;
    private bool _frameSlotTried;

    /// <summary>The observation slot's file (unlinked once mapped, so only /proc/pid/maps still names it); for tests.</summary>
    internal string? ObservationSlotPath => Volatile.Read(ref _observationSlot)?.Path;

    /// <summary>
    /// An array render's bytes: from the frame slot when the worker wrote it there, else the payload, after which
    /// a frame slot of that size is attached (once) so the next frames skip the pipe.
    /// </summary>
    private async ValueTask<byte[]> FrameBytesAsync(JsonElement meta, byte[] payload)
    {
        if (meta.TryGetProperty("shared", out var shared) && shared.ValueKind == JsonValueKind.True)
        {
            var slot = _frameSlot ?? throw WorkerErrors.Protocol("a frame in shared memory from an env without a frame slot");
            var frame = new byte[slot.Length];
            slot.CopyTo(frame);
            return frame;
        }
        if (!_frameSlotTried && payload.Length > 0)
        {
            _frameSlotTried = true;
            _frameSlot = await _worker.AttachSlotAsync(_sharedMemory, _handle, SharedSlotUse.Frame, payload.Length).ConfigureAwait(false);
        }
        return payload;
    }

    /// <summary>
    /// Moves to a new handle made in the same worker (by <see cref="PrepareFramesAsync"/>): an observation slot for
    /// it, and no frame slot yet. Returns the old slots, to release once the old handle is closed.
    /// </summary>
    private async ValueTask<(SharedSlot? Observation, SharedSlot? Frame)> SwitchHandleAsync(uint handle)
    {
        var observation = await _worker.AttachSlotAsync(_sharedMemory, handle, SharedSlotUse.Observation, ObservationSpace.ByteSize)
            .ConfigureAwait(false);
        var old = (_observationSlot, _frameSlot);
        _handle = handle;
        Volatile.Write(ref _observationSlot, observation);
        _frameSlot = null;
        _frameSlotTried = false;
        return old;
    }

    private void ReleaseSlots()
    {
        _worker.ReleaseSlot(Interlocked.Exchange(ref _observationSlot, null));
        _worker.ReleaseSlot(Interlocked.Exchange(ref _frameSlot, null));
    }
}
