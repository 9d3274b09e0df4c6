using System.Buffers;
using System.Diagnostics;
using GymServer.Protocol;

namespace GymServer.Engine.Python;

/// <summary>
/// Requests: many sessions share a worker, so writes are serialised and each call waits in a FIFO for its reply
/// (the worker answers in order). A watchdog takes the worker as hung when the call at the head of the queue, the
/// one it is working on, has waited longer than the call timeout.
/// </summary>
internal sealed partial class PythonWorker
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Queue<WorkerCall> _pending = new();
    private readonly Timer _watchdog;
    private long _lastProgress = Stopwatch.GetTimestamp();
    private uint _nextCall;
    private string? _lostReason;

    /// <summary>Sends a request and waits for its reply, which the call reads into its own buffers.</summary>
    /// <exception cref="Environments.EnvException">worker_lost, or the error the worker replied with.</exception>
    public async Task CallAsync(WorkerCall call, ReadOnlyMemory<byte> meta, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var size = WorkerFrame.RequestSize(meta.Length, payload.Length);
        var frame = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                Enqueue(call);
                WorkerFrame.WriteRequest(frame.AsSpan(0, size), call.Command, call.Id, call.Env, meta.Span, payload.Span);
                // Not cancellable: half a frame would leave the stream unreadable for every other env on this worker.
                await _input.WriteAsync(frame.AsMemory(0, size), CancellationToken.None).ConfigureAwait(false);
                await _input.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception error) when (error is IOException or ObjectDisposedException)
            {
                // The worker is gone or going. The call is queued, so the reader loop fails it when the output
                // ends, with the exit status as the reason; killing makes sure the output does end.
                KillProcess();
            }
            finally
            {
                _writeLock.Release();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
        }
        await WaitForReplyAsync(call, cancellationToken).ConfigureAwait(false);
    }

    private void Enqueue(WorkerCall call)
    {
        lock (_pending)
        {
            if (_lostReason is not null)
            {
                throw WorkerErrors.Lost(_lostReason);
            }
            call.Id = ++_nextCall == 0 ? ++_nextCall : _nextCall;
            if (_pending.Count == 0)
            {
                _lastProgress = Stopwatch.GetTimestamp();
            }
            _pending.Enqueue(call);
        }
    }

    private static async Task WaitForReplyAsync(WorkerCall call, CancellationToken cancellationToken)
    {
        try
        {
            await call.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !call.Completion.IsCompleted)
        {
            if (call.TryFail(new OperationCanceledException(cancellationToken)))
            {
                throw;
            }
            // The reply is being read into the caller's buffers at this moment: let it finish before returning.
            await call.Completion.ConfigureAwait(false);
        }
    }

    /// <summary>The reader loop's side: the call a reply with this id answers.</summary>
    private WorkerCall TakeAnswered(uint callId)
    {
        lock (_pending)
        {
            if (!_pending.TryPeek(out var call) || call.Id != callId)
            {
                throw WorkerErrors.Protocol($"reply to call {callId}, expected {(call is null ? "none" : call.Id)}");
            }
            _pending.Dequeue();
            _lastProgress = Stopwatch.GetTimestamp();
            return call;
        }
    }

    /// <summary>
    /// Queues the implicit call 0 that the worker's first frame answers. It must be queued before the reader
    /// starts: on a busy machine the hello can arrive before this thread runs again.
    /// </summary>
    private BufferedCall ExpectHello()
    {
        var hello = new BufferedCall(WorkerCommand.Hello, 0);
        lock (_pending)
        {
            _pending.Enqueue(hello);
        }
        return hello;
    }

    private async Task ReceiveHelloAsync(BufferedCall hello, CancellationToken cancellationToken)
    {
        try
        {
            await hello.Completion.WaitAsync(_options.StartTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Abort("no hello");
            throw new WorkerStartException(
                $"no hello within {_options.StartTimeout.TotalSeconds:0.#} s (importing gymnasium and the Imports)", fatal: false);
        }
        catch (PythonEnvException error)
        {
            // The worker could not import gymnasium or a configured module: it would fail the same way every time.
            throw WorkerStartFailures.Refused(_options, error);
        }
        catch (Environments.EnvException error) when (error.Code == EnvErrorCodes.WorkerLost)
        {
            // Its last stderr lines usually say why (a traceback): let them arrive before quoting them.
            using (var drained = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
            {
                try
                {
                    await _process.WaitForExitAsync(drained.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Still running after it closed its output: quote what arrived.
                }
            }
            var tail = StderrTail();
            var reason = _lostReason ?? error.Message;
            throw new WorkerStartException($"it was lost before its hello ({reason}){(tail.Length > 0 ? $"; its stderr:\n{tail}" : "")}", fatal: false);
        }
        var parsed = WorkerHello.Parse(hello.Meta);
        if (parsed.Protocol != WorkerHello.SupportedProtocol)
        {
            throw new WorkerStartException(
                $"the worker speaks protocol {parsed.Protocol}, this server {WorkerHello.SupportedProtocol}", fatal: true);
        }
        Hello = parsed;
        var period = _options.CallTimeout / 4 < TimeSpan.FromSeconds(1) ? _options.CallTimeout / 4 : TimeSpan.FromSeconds(1);
        _watchdog.Change(period, period);
    }

    private void CheckProgress()
    {
        lock (_pending)
        {
            if (_pending.Count == 0 || _lostReason is not null || Stopwatch.GetElapsedTime(_lastProgress) < _options.CallTimeout)
            {
                return;
            }
        }
        Abort($"it did not answer within {_options.CallTimeout.TotalSeconds:0.###} s and was killed");
    }

    /// <summary>Marks the worker lost and fails every call waiting on it; only the first reason counts.</summary>
    private void MarkLost(string reason)
    {
        WorkerCall[] orphans;
        lock (_pending)
        {
            if (_lostReason is not null)
            {
                return;
            }
            _lostReason = reason;
            orphans = [.. _pending];
            _pending.Clear();
        }
        _watchdog.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        // Before any caller hears of the loss: whoever sees worker_lost sees the slots released too.
        ReleaseSharedSlots();
        var error = WorkerErrors.Lost(reason);
        foreach (var call in orphans)
        {
            call.TryFail(error);
        }
        _lost.TrySetResult(reason);
    }
}
