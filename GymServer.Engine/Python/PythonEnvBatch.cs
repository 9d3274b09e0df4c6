using System.Buffers;
using System.Buffers.Binary;
using GymServer.Engine.Sessions;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Python;

/// <summary>
/// A vector env's sub-envs on one worker. While it collects, their resets and steps become entries of one
/// <c>batch</c> request (docs/worker-protocol.md, "batch"), written by <see cref="Send"/>; the one reply completes
/// every entry. The sub-envs of one vector are stepped by one session at a time, so nothing here is shared between
/// threads except an entry and the call reading its reply.
/// </summary>
internal sealed class PythonEnvBatch(PythonWorker worker) : IEnvCallBatch
{
    private readonly List<BatchEntry> _queued = [];
    private CancellationToken _cancellation;

    /// <summary>Whether members' resets and steps are queued now rather than sent alone.</summary>
    public bool Collecting { get; private set; }

    public void Collect()
    {
        Collecting = true;
    }

    public void Send()
    {
        Collecting = false;
        if (_queued.Count == 0)
        {
            return;
        }
        var entries = _queued.ToArray();
        _queued.Clear();
        _ = RunAsync(entries, _cancellation);
    }

    /// <summary>Queues a reset: <paramref name="meta"/> is its <c>{"seed","options"}</c> (empty for neither).</summary>
    public ValueTask AddReset(uint handle, ReadOnlyMemory<byte> meta, Memory<byte> observation, EnvInfo info, SharedSlot? slot, CancellationToken cancellationToken)
    {
        var entry = new BatchEntry(handle, reset: true, meta, ReadOnlyMemory<byte>.Empty, observation, info, slot);
        Queue(entry, cancellationToken);
        return entry.AsReset();
    }

    /// <summary>Queues a step with <paramref name="action"/>, whose bytes are read when the batch is sent.</summary>
    public ValueTask<StepResult> AddStep(uint handle, ReadOnlyMemory<byte> action, Memory<byte> observation, EnvInfo info, SharedSlot? slot, CancellationToken cancellationToken)
    {
        var entry = new BatchEntry(handle, reset: false, ReadOnlyMemory<byte>.Empty, action, observation, info, slot);
        Queue(entry, cancellationToken);
        return entry.AsStep();
    }

    private void Queue(BatchEntry entry, CancellationToken cancellationToken)
    {
        if (_queued.Count == 0)
        {
            _cancellation = cancellationToken;
        }
        _queued.Add(entry);
    }

    /// <summary>One request for all entries; its reply (or the call's failure: worker_lost, cancelled) completes each.</summary>
    private async Task RunAsync(BatchEntry[] entries, CancellationToken cancellationToken)
    {
        var length = BatchEntry.CountSize;
        foreach (var entry in entries)
        {
            length += entry.RequestSize;
        }
        var request = ArrayPool<byte>.Shared.Rent(length);
        Exception? failure = null;
        try
        {
            BinaryPrimitives.WriteUInt32LittleEndian(request, (uint)entries.Length);
            var at = BatchEntry.CountSize;
            foreach (var entry in entries)
            {
                at += entry.WriteRequest(request.AsSpan(at));
            }
            await worker.CallAsync(new BatchCall(entries), ReadOnlyMemory<byte>.Empty, request.AsMemory(0, length), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception error)
        {
            // Not swallowed: every entry's task fails with it, as each call alone would have.
            failure = error;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(request);
        }
        foreach (var entry in entries)
        {
            entry.Finish(failure);
        }
    }
}
