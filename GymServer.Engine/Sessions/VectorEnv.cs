using System.Diagnostics;
using System.Numerics;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using GymServer.Engine.Admission;
using GymServer.Engine.Environments;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Sessions;

/// <summary>
/// Gymnasium's <c>SyncVectorEnv</c> over N envs of one id, with its default next-step autoreset: a reset with seed s
/// resets env i with seed s + i; a step after env i terminated or truncated resets env i instead of stepping it
/// (reward 0, not terminated, not truncated, the reset's observation and info) and ignores its action.
/// </summary>
/// <param name="instanceId">Its instance id.</param>
/// <param name="envs">The sub-envs, made without a step budget of their own.</param>
/// <param name="steps">The session's step budget, charged one token per sub-env per step; null for no limit.</param>
public sealed class VectorEnv(string instanceId, IReadOnlyList<SessionEnv> envs, StepRateLimiter? steps = null) : IAsyncDisposable, IObservationSource
{
    private readonly SessionEnv[] _envs = MarkedAsSubEnvs(envs);
    private readonly bool[] _autoreset = new bool[envs.Count];
    private readonly StepResult[] _results = new StepResult[envs.Count];
    private PendingCall[]? _pending;
    private readonly ReadOnlyMemory<byte>[] _observations = [.. envs.Select(env => env.LoadedObservation())];
    private readonly EnvInfo[] _infos = [.. envs.Select(env => env.Info)];
    private readonly IEnvCallBatch[] _batches = [.. envs.Select(env => env.Instance.CallBatch).OfType<IEnvCallBatch>().Distinct()];
    private bool _disposed;

    public string InstanceId { get; } = instanceId;

    /// <summary>The sub-envs, in order; their observations and infos are those of the last reset or step.</summary>
    public IReadOnlyList<SessionEnv> Envs { get; } = envs;

    /// <summary>The last step's results, one per sub-env.</summary>
    public ReadOnlySpan<StepResult> Results => _results;

    /// <summary>
    /// The sub-envs' observation buffers, in order, with their last observations loaded (from shared memory when a
    /// sub-env left one there): what JSON replies write the observations from.
    /// </summary>
    public ReadOnlySpan<ReadOnlyMemory<byte>> Observations
    {
        get
        {
            foreach (var env in _envs)
            {
                env.LoadedObservation();
            }
            return _observations;
        }
    }

    int IObservationSource.ObservationCount => _envs.Length;

    /// <summary>The bytes of each sub-env's observation.</summary>
    public int ObservationSize => _envs.Length == 0 ? 0 : _envs[0].ObservationSize;

    /// <summary>
    /// Copies the sub-envs' last observations, one after another, into a binary reply: each from where its env left
    /// it, so one still in a worker's shared memory is copied once.
    /// </summary>
    public void CopyObservationsTo(Span<byte> destination)
    {
        var size = ObservationSize;
        for (var i = 0; i < _envs.Length; i++)
        {
            _envs[i].CopyObservationsTo(destination.Slice(i * size, size));
        }
    }

    /// <summary>The sub-envs' infos, in order.</summary>
    public ReadOnlySpan<EnvInfo> Infos => _infos;

    /// <summary>
    /// All sub-envs' observation buffers, one after another, in one array (each sub-env's
    /// <see cref="SessionEnv.Observation"/> is its part): for a vector made by <see cref="Over"/>, as sessions make
    /// them; empty for one assembled from separately made envs. A sub-env that leaves its observations in shared
    /// memory has its part written only when they are read (<see cref="Observations"/>), not for binary replies.
    /// </summary>
    public ReadOnlyMemory<byte> ObservationBatch { get; private init; }

    /// <summary>
    /// A vector env over instances made for it: its sub-envs' observations land in one contiguous batch
    /// (<see cref="ObservationBatch"/>), sub-env i's at the sum of the sizes before it.
    /// </summary>
    public static VectorEnv Over(string instanceId, IReadOnlyList<IEnvInstance> instances, NodeActivity activity, StepRateLimiter? steps = null)
    {
        var batch = new byte[instances.Sum(instance => instance.ObservationSpace.ByteSize)];
        var envs = new SessionEnv[instances.Count];
        var offset = 0;
        for (var i = 0; i < envs.Length; i++)
        {
            var size = instances[i].ObservationSpace.ByteSize;
            envs[i] = new SessionEnv(instances[i], activity, observation: batch.AsMemory(offset, size));
            offset += size;
        }
        return new VectorEnv(instanceId, envs, steps) { ObservationBatch = batch };
    }

    /// <summary>
    /// Resets every sub-env: env i with <paramref name="seed"/> + i (or unseeded), all with the same options. All
    /// resets are started before any is awaited, so sub-envs in different processes reset in parallel.
    /// </summary>
    public async ValueTask ResetAsync(BigInteger? seed, JsonElement? options, CancellationToken cancellationToken)
    {
        var resets = new ValueTask[Envs.Count];
        CollectCalls();
        try
        {
            for (var i = 0; i < resets.Length; i++)
            {
                resets[i] = StartReset(Envs[i], seed + i, options, cancellationToken);
            }
        }
        finally
        {
            SendCalls();
        }
        ExceptionDispatchInfo? failure = null;
        foreach (var reset in resets)
        {
            try
            {
                await reset.ConfigureAwait(false);
            }
            catch (Exception error)
            {
                failure ??= ExceptionDispatchInfo.Capture(error);
            }
        }
        failure?.Throw();
        Array.Clear(_autoreset);
        Array.Clear(_results);
    }

    /// <summary>
    /// Steps every sub-env with the action already read into its <see cref="SessionEnv.Action"/>, or autoresets the
    /// ones whose previous step ended their episode. Completes synchronously, with no state machine, while the envs
    /// do (native envs). Sub-envs that really wait (Python workers) are all started before any is awaited, so those
    /// in different workers step in parallel, and those a backend batches (<see cref="IEnvCallBatch"/>: one request
    /// per worker) are sent together once all are queued; the vector step completes when the last of them has.
    /// </summary>
    public ValueTask StepAsync(CancellationToken cancellationToken)
    {
        steps?.Take(Envs.Count);
        var started = Stopwatch.GetTimestamp();
        var envs = _envs;
        var waiting = 0;
        CollectCalls();
        try
        {
            for (var i = 0; i < envs.Length; i++)
            {
                if (_autoreset[i])
                {
                    var reset = envs[i].ResetAsync(seed: null, options: null, cancellationToken);
                    if (!reset.IsCompletedSuccessfully)
                    {
                        Pending(i).Reset = reset;
                        waiting++;
                        continue;
                    }
                    reset.GetAwaiter().GetResult();
                    _results[i] = new StepResult(0.0, Terminated: false, Truncated: false);
                }
                else
                {
                    var step = envs[i].StepAsync(cancellationToken);
                    if (!step.IsCompletedSuccessfully)
                    {
                        Pending(i).Step = step;
                        waiting++;
                        continue;
                    }
                    _results[i] = step.Result.Result;
                }
            }
        }
        catch (Exception error) when (waiting > 0)
        {
            // A sub-env failed at once after others had started: they finish (into their buffers) before it is thrown.
            return FailAfterPendingAsync(ExceptionDispatchInfo.Capture(error));
        }
        finally
        {
            // Sub-envs batched by their backend (a Python worker's) were only queued by the loop: they go now.
            SendCalls();
        }
        if (waiting > 0)
        {
            return AwaitPendingAsync(started);
        }
        Finish(started);
        return ValueTask.CompletedTask;
    }

    /// <summary>From now until <see cref="SendCalls"/>, batched sub-envs queue their resets and steps.</summary>
    private void CollectCalls()
    {
        foreach (var batch in _batches)
        {
            batch.Collect();
        }
    }

    private void SendCalls()
    {
        foreach (var batch in _batches)
        {
            batch.Send();
        }
    }

    /// <summary>Awaits every sub-env whose reset or step is pending; the first failure is thrown once all are done.</summary>
    private async ValueTask AwaitPendingAsync(long started)
    {
        (await DrainPendingAsync().ConfigureAwait(false))?.Throw();
        Finish(started);
    }

    /// <summary>Lets the sub-envs already started finish (into their buffers), then throws the error that stopped the step.</summary>
    private async ValueTask FailAfterPendingAsync(ExceptionDispatchInfo error)
    {
        await DrainPendingAsync().ConfigureAwait(false);
        error.Throw();
    }

    /// <summary>Awaits every pending reset or step, recording their results; returns the first failure.</summary>
    private async ValueTask<ExceptionDispatchInfo?> DrainPendingAsync()
    {
        var pending = _pending!;
        ExceptionDispatchInfo? failure = null;
        for (var i = 0; i < pending.Length; i++)
        {
            if (!pending[i].Waiting)
            {
                continue;
            }
            var (reset, step) = (pending[i].Reset, pending[i].Step);
            pending[i] = default;
            try
            {
                if (_autoreset[i])
                {
                    await reset.ConfigureAwait(false);
                    _results[i] = new StepResult(0.0, Terminated: false, Truncated: false);
                }
                else
                {
                    (_results[i], _) = await step.ConfigureAwait(false);
                }
            }
            catch (Exception error)
            {
                failure ??= ExceptionDispatchInfo.Capture(error);
            }
        }
        return failure;
    }

    /// <summary>Sub-env <paramref name="index"/>'s slot for a pending call; the array is made on the first wait.</summary>
    private ref PendingCall Pending(int index)
    {
        _pending ??= new PendingCall[_envs.Length];
        _pending[index].Waiting = true;
        return ref _pending[index];
    }

    /// <summary>A sub-env's reset; one that throws at once fails its task instead, so the others still get awaited.</summary>
    private static ValueTask StartReset(SessionEnv env, BigInteger? seed, JsonElement? options, CancellationToken cancellationToken)
    {
        try
        {
            return env.ResetAsync(seed, options, cancellationToken);
        }
        catch (Exception error)
        {
            return ValueTask.FromException(error);
        }
    }

    private static SessionEnv[] MarkedAsSubEnvs(IReadOnlyList<SessionEnv> envs)
    {
        foreach (var env in envs)
        {
            env.InVector = true;
        }
        return [.. envs];
    }

    /// <summary>Times the vector step once, and marks the sub-envs whose episode ended for the next step's autoreset.</summary>
    private void Finish(long started)
    {
        if (_envs.Length > 0)
        {
            _envs[0].Activity.VectorStepTimed(started, _envs.Length);
        }
        for (var i = 0; i < _results.Length; i++)
        {
            _autoreset[i] = _results[i].Done;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        List<Exception>? errors = null;
        foreach (var env in Envs)
        {
            try
            {
                await env.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                (errors ??= []).Add(exception);
            }
        }
        if (errors is not null)
        {
            throw new AggregateException("closing the vector env's envs failed", errors);
        }
    }

    /// <summary>A sub-env's reset or step that had not completed when it was started.</summary>
    private struct PendingCall
    {
        public bool Waiting;
        public ValueTask Reset;
        public ValueTask<(StepResult Result, EpisodeSummary? Episode)> Step;
    }
}
