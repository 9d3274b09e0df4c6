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
    private bool _defersObservations;

    /// <summary>
    /// The buffer the last reset or step was given, while its observation is still only in the slot (deferred);
    /// empty once it was loaded, or when the observation went straight into the buffer.
    /// </summary>
    private Memory<byte> _deferredInto;

    public bool DeferObservations()
    {
        _defersObservations = true;
        return true;
    }

    public bool TryCopyDeferredObservation(Span<byte> destination)
    {
        if (_deferredInto.IsEmpty)
        {
            return false;
        }
        DeferredSlot().CopyTo(destination);
        return true;
    }

    public void LoadDeferredObservation()
    {
        if (_deferredInto.IsEmpty)
        {
            return;
        }
        DeferredSlot().CopyTo(_deferredInto.Span);
        _deferredInto = default;
    }

    /// <summary>
    /// Where a reset or step about to be sent copies its observation: nowhere (empty: the worker's reply is checked
    /// to carry none) when observations are deferred and the env has a slot, the slot then being the only copy until
    /// a reply or <see cref="LoadDeferredObservation"/> takes it; else the caller's buffer. The slot is rewritten only
    /// by the env's next reset or step, which supersedes the observation anyway.
    /// </summary>
    private Memory<byte> DestinationFor(Memory<byte> observation, SharedSlot? slot)
    {
        if (!_defersObservations || slot is null)
        {
            _deferredInto = default;
            return observation;
        }
        _deferredInto = observation;
        return Memory<byte>.Empty;
    }

    /// <summary>The slot a deferred observation is in; a slot released with its dead worker fails the copy with worker_lost.</summary>
    private SharedSlot DeferredSlot()
    {
        ThrowIfDisposed();
        return Volatile.Read(ref _observationSlot) ?? throw new InvalidOperationException("a deferred observation without an observation slot");
    }

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
        // The old handle's last observation stays readable from its buffer, as before the switch.
        LoadDeferredObservation();
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
