using System.Diagnostics;
using System.Numerics;
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
public sealed class VectorEnv(string instanceId, IReadOnlyList<SessionEnv> envs, StepRateLimiter? steps = null) : IAsyncDisposable
{
    private readonly SessionEnv[] _envs = MarkedAsSubEnvs(envs);
    private readonly bool[] _autoreset = new bool[envs.Count];
    private readonly StepResult[] _results = new StepResult[envs.Count];
    private readonly ReadOnlyMemory<byte>[] _observations = [.. envs.Select(env => env.ObservationMemory)];
    private readonly EnvInfo[] _infos = [.. envs.Select(env => env.Info)];
    private bool _disposed;

    public string InstanceId { get; } = instanceId;

    /// <summary>The sub-envs, in order; their observations and infos are those of the last reset or step.</summary>
    public IReadOnlyList<SessionEnv> Envs { get; } = envs;

    /// <summary>The last step's results, one per sub-env.</summary>
    public ReadOnlySpan<StepResult> Results => _results;

    /// <summary>The sub-envs' observation buffers, in order: what replies write the observations from.</summary>
    public ReadOnlySpan<ReadOnlyMemory<byte>> Observations => _observations;

    /// <summary>The sub-envs' infos, in order.</summary>
    public ReadOnlySpan<EnvInfo> Infos => _infos;

    /// <summary>Resets every sub-env: env i with <paramref name="seed"/> + i (or unseeded), all with the same options.</summary>
    public async ValueTask ResetAsync(BigInteger? seed, JsonElement? options, CancellationToken cancellationToken)
    {
        for (var i = 0; i < Envs.Count; i++)
        {
            await Envs[i].ResetAsync(seed + i, options, cancellationToken).ConfigureAwait(false);
        }
        Array.Clear(_autoreset);
        Array.Clear(_results);
    }

    /// <summary>
    /// Steps every sub-env with the action already read into its <see cref="SessionEnv.Action"/>, or autoresets the
    /// ones whose previous step ended their episode. Completes synchronously, with no state machine, while the envs
    /// do (native envs); from the first env that really waits (a Python worker) on, it awaits.
    /// </summary>
    public ValueTask StepAsync(CancellationToken cancellationToken)
    {
        steps?.Take(Envs.Count);
        var started = Stopwatch.GetTimestamp();
        var envs = _envs;
        for (var i = 0; i < envs.Length; i++)
        {
            if (_autoreset[i])
            {
                var reset = envs[i].ResetAsync(seed: null, options: null, cancellationToken);
                if (!reset.IsCompletedSuccessfully)
                {
                    return ContinueAsync(i, reset, default, started, cancellationToken);
                }
                reset.GetAwaiter().GetResult();
                _results[i] = new StepResult(0.0, Terminated: false, Truncated: false);
            }
            else
            {
                var step = envs[i].StepAsync(cancellationToken);
                if (!step.IsCompletedSuccessfully)
                {
                    return ContinueAsync(i, default, step, started, cancellationToken);
                }
                _results[i] = step.Result.Result;
            }
        }
        Finish(started);
        return ValueTask.CompletedTask;
    }

    /// <summary>The rest of <see cref="StepAsync"/> from env <paramref name="index"/>, whose reset or step is pending.</summary>
    private async ValueTask ContinueAsync(
        int index,
        ValueTask pendingReset,
        ValueTask<(StepResult Result, EpisodeSummary? Episode)> pendingStep,
        long started,
        CancellationToken cancellationToken)
    {
        if (_autoreset[index])
        {
            await pendingReset.ConfigureAwait(false);
            _results[index] = new StepResult(0.0, Terminated: false, Truncated: false);
        }
        else
        {
            (_results[index], _) = await pendingStep.ConfigureAwait(false);
        }
        for (var i = index + 1; i < _envs.Length; i++)
        {
            if (_autoreset[i])
            {
                await _envs[i].ResetAsync(seed: null, options: null, cancellationToken).ConfigureAwait(false);
                _results[i] = new StepResult(0.0, Terminated: false, Truncated: false);
            }
            else
            {
                (_results[i], _) = await _envs[i].StepAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        Finish(started);
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
}
