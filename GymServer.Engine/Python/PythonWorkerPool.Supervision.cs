using System.Collections.Frozen;
using System.Text.Json;
using GymServer.Engine.Environments;

namespace GymServer.Engine.Python;

/// <summary>
/// One supervisor per slot: start a worker, wait until it is lost, start another. A worker that ran for
/// <see cref="PythonOptions.StableAfter"/> is replaced at once; one that keeps failing waits longer each time,
/// doubling from <see cref="PythonOptions.RestartBackoff"/> up to <see cref="PythonOptions.RestartBackoffMax"/>.
/// </summary>
public sealed partial class PythonWorkerPool
{
    private readonly SemaphoreSlim _idsLoading = new(1, 1);
    private FrozenSet<string> _ids = FrozenSet<string>.Empty;
    private bool _idsLoaded;

    /// <summary>The ids of the workers' registry (gymnasium's, plus what <see cref="PythonOptions.Imports"/> registered).</summary>
    public IReadOnlySet<string> Ids => Volatile.Read(ref _ids);

    private async Task SuperviseAsync(WorkerSlot slot)
    {
        var failures = 0;
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            PythonWorker worker;
            try
            {
                worker = await PythonWorker.StartAsync(slot.Index, _options, _logger, stopping).ConfigureAwait(false);
            }
            catch (WorkerStartException error) when (error.Fatal)
            {
                ReportUnavailable(error.Message);
                slot.FirstAttempt.TrySetResult();
                return;
            }
            catch (WorkerStartException error)
            {
                PythonLog.WorkerStartFailed(_logger, slot.Index, error.Message);
                slot.FirstAttempt.TrySetResult();
                failures++;
                await DelayRestartAsync(slot, failures, stopping).ConfigureAwait(false);
                continue;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            PythonLog.WorkerStarted(_logger, slot.Index, worker.Pid, worker.Hello!.Backend, worker.Hello.BackendVersion, worker.Hello.Python);
            await EnsureIdsAsync(worker).ConfigureAwait(false);
            if (!TryInstall(slot, worker))
            {
                await worker.DisposeAsync().ConfigureAwait(false);
                return;
            }
            slot.FirstAttempt.TrySetResult();
            var reason = await worker.Lost.ConfigureAwait(false);
            lock (_gate)
            {
                slot.Worker = null;
                if (!stopping.IsCancellationRequested)
                {
                    slot.Restarts++;
                }
            }
            Signal();
            if (stopping.IsCancellationRequested)
            {
                return;
            }
            PythonLog.WorkerLost(_logger, slot.Index, worker.Pid, reason, worker.EnvCount);
            failures = worker.Uptime >= _options.StableAfter ? 0 : failures + 1;
            await worker.DisposeAsync().ConfigureAwait(false);
            await DelayRestartAsync(slot, failures, stopping).ConfigureAwait(false);
        }
    }

    /// <summary>Puts a started worker in its slot; false when the pool stopped meanwhile.</summary>
    private bool TryInstall(WorkerSlot slot, PythonWorker worker)
    {
        lock (_gate)
        {
            if (_state is PythonPoolState.Stopped or PythonPoolState.Unavailable)
            {
                return false;
            }
            slot.Worker = worker;
            _hello ??= worker.Hello;
            _state = PythonPoolState.Ready;
        }
        Signal();
        return true;
    }

    private async Task DelayRestartAsync(WorkerSlot slot, int failures, CancellationToken stopping)
    {
        var delay = failures == 0
            ? TimeSpan.Zero
            : TimeSpan.FromTicks(Math.Min(_options.RestartBackoffMax.Ticks, _options.RestartBackoff.Ticks << Math.Min(failures - 1, 30)));
        if (delay <= TimeSpan.Zero)
        {
            return;
        }
        PythonLog.WorkerRestarting(_logger, slot.Index, delay);
        try
        {
            await Task.Delay(delay, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the loop condition ends the supervisor.
        }
    }

    /// <summary>A failure every worker would hit the same way: logged once, and the pool stops trying.</summary>
    private void ReportUnavailable(string reason)
    {
        lock (_gate)
        {
            if (_state is PythonPoolState.Unavailable or PythonPoolState.Stopped)
            {
                return;
            }
            _state = PythonPoolState.Unavailable;
            _reason = reason;
        }
        PythonLog.PythonUnavailable(_logger, reason);
        Signal();
    }

    /// <summary>Lists the registry once, from the first worker up; all workers import the same modules.</summary>
    private async Task EnsureIdsAsync(PythonWorker worker)
    {
        await _idsLoading.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_idsLoaded)
            {
                return;
            }
            var call = new BufferedCall(WorkerCommand.List, 0);
            await worker.CallAsync(call, ReadOnlyMemory<byte>.Empty, ReadOnlyMemory<byte>.Empty, _stopping.Token).ConfigureAwait(false);
            using var document = JsonDocument.Parse(call.Meta);
            var ids = document.RootElement.GetProperty("ids").EnumerateArray().Select(id => id.GetString()!);
            Volatile.Write(ref _ids, ids.ToFrozenSet(StringComparer.Ordinal));
            _idsLoaded = true;
        }
        catch (EnvException error)
        {
            PythonLog.RegistryListFailed(_logger, error.Message);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        finally
        {
            _idsLoading.Release();
        }
    }
}
