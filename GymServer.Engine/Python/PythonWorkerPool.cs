using GymServer.Engine.Environments;
using GymServer.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GymServer.Engine.Python;

/// <summary>
/// N Python worker processes on this node. New envs go to the least-loaded worker; each slot has a supervisor that
/// restarts its worker with back-off when it is lost (<c>PythonWorkerPool.Supervision.cs</c>). A missing
/// interpreter or gymnasium makes the pool unavailable, reported once, and leaves native envs alone.
/// </summary>
public sealed partial class PythonWorkerPool : IAsyncDisposable
{
    private readonly PythonOptions _options;
    private readonly ILogger<PythonWorkerPool> _logger;
    private readonly WorkerSlot[] _slots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private PythonPoolState _state = PythonPoolState.Created;
    private string? _reason;
    private WorkerHello? _hello;
    private Task[] _supervisors = [];

    public PythonWorkerPool(IOptions<PythonOptions> options, ILogger<PythonWorkerPool> logger)
    {
        _options = options.Value;
        var problems = _options.Validate();
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(PythonOptions.SectionName, typeof(PythonOptions), problems);
        }
        _logger = logger;
        _slots = [.. Enumerable.Range(0, _options.Workers).Select(index => new WorkerSlot(index))];
        SharedMemory = new WorkerSharedMemory(_options, logger);
    }

    public PythonOptions Options => _options;

    /// <summary>The shared memory slots of this node's Python envs, capped by <see cref="PythonOptions.SharedMemoryBytes"/>.</summary>
    internal WorkerSharedMemory SharedMemory { get; }

    /// <summary>The shared memory in use, its cap, and the values that went on the pipe for want of it.</summary>
    public SharedMemoryStatus SharedMemoryStatus => SharedMemory.Status;

    public PythonPoolState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>Whether makes can be attempted: the pool is serving or its workers are still coming up.</summary>
    public bool IsUsable => State is PythonPoolState.Ready or PythonPoolState.Starting;

    /// <summary>Starts every worker and waits until each has either said hello or failed its first start.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_state != PythonPoolState.Created)
            {
                throw new InvalidOperationException($"the pool was already started (it is {_state})");
            }
            _state = _slots.Length == 0 ? PythonPoolState.Disabled : PythonPoolState.Starting;
        }
        if (_slots.Length == 0)
        {
            PythonLog.PythonDisabled(_logger);
            return;
        }
        SharedMemory.Prepare();
        _supervisors = [.. _slots.Select(slot => Task.Run(() => SuperviseAsync(slot)))];
        await Task.WhenAll(_slots.Select(slot => slot.FirstAttempt.Task)).WaitAsync(cancellationToken).ConfigureAwait(false);
        var status = GetStatus();
        if (status.State == PythonPoolState.Ready)
        {
            PythonLog.PoolReady(_logger, status.ReadyWorkers, _slots.Length, Ids.Count);
        }
    }

    /// <summary>
    /// The pool now. Once it is unavailable or stopped no slot is being restarted any more: only workers still running
    /// are listed, so the dashboard shows the reason instead of slots "restarting" forever.
    /// </summary>
    public PythonPoolStatus GetStatus()
    {
        lock (_gate)
        {
            var retrying = _state is not (PythonPoolState.Unavailable or PythonPoolState.Stopped);
            var workers = _slots
                .Where(slot => retrying || slot.Worker is not null)
                .Select(slot => new PythonWorkerStatus(slot.Index, slot.Worker?.Pid, slot.Worker?.EnvCount ?? 0, slot.Restarts, slot.Worker?.Usage.Latest))
                .ToList();
            return new PythonPoolStatus(_state, _reason, _slots.Length, workers, _hello, SharedMemory.Status);
        }
    }

    /// <summary>
    /// Samples every live worker's resident memory and CPU share (from /proc), for <see cref="GetStatus"/>. Called on
    /// the dashboard's snapshot cadence, about once a second: a CPU share is the average since the previous call.
    /// </summary>
    public void SampleUsage()
    {
        PythonWorker[] workers;
        lock (_gate)
        {
            workers = [.. _slots.Select(slot => slot.Worker).OfType<PythonWorker>()];
        }
        foreach (var worker in workers)
        {
            worker.Usage.Sample();
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> workers serve (after a loss, the pool is back to N).</summary>
    public async Task WaitForReadyWorkersAsync(int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_slots.Count(slot => slot.Worker is { IsLost: false }) >= count)
                {
                    return;
                }
                ThrowIfUnusable();
                changed = _changed.Task;
            }
            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Picks the least-loaded live worker with room and counts the new env on it. When every worker is restarting
    /// it waits for one (up to the start timeout) rather than failing the make.
    /// </summary>
    internal async Task<PythonWorker> PlaceAsync(CancellationToken cancellationToken) =>
        (await PlaceAsync(1, cancellationToken).ConfigureAwait(false))[0];

    /// <summary>
    /// Places <paramref name="count"/> envs (a vector env's sub-envs) and counts each on its worker: spread round-robin
    /// over the least-loaded live workers with room, <see cref="PythonOptions.VectorSpread"/> of them (all when 0), so
    /// that they step in parallel; more workers only when those have too little room. Waits like the single place.
    /// </summary>
    internal async Task<PythonWorker[]> PlaceAsync(int count, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.StartTimeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                ThrowIfUnusable();
                var live = _slots.Select(slot => slot.Worker).OfType<PythonWorker>().Where(worker => !worker.IsLost).ToList();
                if (live.Count > 0)
                {
                    return SpreadLocked(live, count);
                }
                changed = _changed.Task;
            }
            try
            {
                await changed.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new EnvException(EnvErrorCodes.PythonUnavailable, $"no Python worker came up within {_options.StartTimeout.TotalSeconds:0.#} s");
            }
        }
    }

    private PythonWorker[] SpreadLocked(List<PythonWorker> live, int count)
    {
        var max = _options.MaxEnvsPerWorker;
        var room = live.Where(worker => worker.EnvCount < max).OrderBy(worker => worker.EnvCount).ToList();
        var free = room.Sum(worker => max - worker.EnvCount);
        if (free < count)
        {
            throw new EnvException(EnvErrorCodes.PoolFull, free == 0
                ? $"all {_slots.Length} Python workers host {max} envs already; close some, or raise Gym:Python:MaxEnvsPerWorker"
                : $"the Python workers have room for {free} more env(s), not {count}; close some, or raise Gym:Python:MaxEnvsPerWorker");
        }
        var spread = _options.VectorSpread == 0 ? room.Count : Math.Min(_options.VectorSpread, room.Count);
        var chosen = room.Take(spread).ToList();
        // Too little room on the chosen ones: take the next least-loaded workers as well.
        foreach (var worker in room.Skip(spread))
        {
            if (chosen.Sum(each => max - each.EnvCount) >= count)
            {
                break;
            }
            chosen.Add(worker);
        }
        var placed = new PythonWorker[count];
        var next = 0;
        for (var i = 0; i < count; i++, next++)
        {
            while (chosen[next % chosen.Count].EnvCount >= max)
            {
                next++;
            }
            placed[i] = chosen[next % chosen.Count];
            placed[i].AddEnv();
        }
        return placed;
    }

    /// <summary>Stops the supervisors and the workers (end of input first, so envs close cleanly).</summary>
    public async ValueTask DisposeAsync()
    {
        PythonWorker[] workers;
        lock (_gate)
        {
            if (_state == PythonPoolState.Stopped)
            {
                return;
            }
            _state = PythonPoolState.Stopped;
            workers = [.. _slots.Select(slot => slot.Worker).OfType<PythonWorker>()];
        }
        await _stopping.CancelAsync().ConfigureAwait(false);
        Signal();
        await Task.WhenAll(workers.Select(worker => worker.DisposeAsync().AsTask())).ConfigureAwait(false);
        await Task.WhenAll(_supervisors).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private void ThrowIfUnusable()
    {
        switch (_state)
        {
            case PythonPoolState.Disabled:
                throw new EnvException(EnvErrorCodes.PythonUnavailable, "Python envs are disabled on this server (Gym:Python:Workers is 0)");
            case PythonPoolState.Unavailable:
                throw new EnvException(EnvErrorCodes.PythonUnavailable, $"Python envs are unavailable on this server: {_reason}");
            case PythonPoolState.Stopped:
                throw new EnvException(EnvErrorCodes.PythonUnavailable, "the Python pool is stopped");
            case PythonPoolState.Created:
                throw new EnvException(EnvErrorCodes.PythonUnavailable, "the Python pool is not started yet");
        }
    }

    /// <summary>Wakes everyone waiting for the pool to change (a worker came or went, the state moved).</summary>
    private void Signal()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        previous.TrySetResult();
    }
}
