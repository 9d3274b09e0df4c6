using System.Diagnostics;
using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Admission;
using GymServer.Engine.Environments;
using GymServer.Engine.Recording;
using GymServer.Engine.Spaces;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Sessions;

/// <summary>
/// An env in a session, with the buffers its steps reuse (observation, action, sample, info), the seed waiting for
/// the next reset, and its episode statistics. Statistics are always kept (the node's dashboard and metrics count
/// every episode); the client sees them in a step's info only once it asked for them. A binary reply copies its
/// observation from wherever the env left it (<see cref="IObservationSource"/>): a Python env's stays in its shared
/// memory slot until a reply or a reader of <see cref="Observation"/> needs it.
/// </summary>
public sealed class SessionEnv : IAsyncDisposable, IObservationSource
{
    private readonly Memory<byte> _observation;
    private readonly bool _defersObservations;
    private readonly byte[] _action;
    private byte[]? _sample;
    private BigInteger? _pendingSeed;
    private readonly NodeActivity _activity;
    private readonly StepRateLimiter? _steps;
    private readonly EpisodeStatistics _statistics = new();
    private bool _disposed;

    /// <param name="instance">The env.</param>
    /// <param name="activity">The node's counters.</param>
    /// <param name="steps">The session's step budget; null for no limit (and for a vector env's sub-envs, whose vector
    /// env takes the tokens for all of them).</param>
    /// <param name="observation">The buffer its observations go into, of the space's size (a vector env's sub-envs
    /// share one batch); by default a buffer of its own.</param>
    public SessionEnv(IEnvInstance instance, NodeActivity activity, StepRateLimiter? steps = null, Memory<byte> observation = default)
    {
        if (!observation.IsEmpty && observation.Length != instance.ObservationSpace.ByteSize)
        {
            throw new ArgumentException($"an observation buffer of {observation.Length} bytes for a space of {instance.ObservationSpace.ByteSize}", nameof(observation));
        }
        Instance = instance;
        _activity = activity;
        _steps = steps;
        _observation = observation.IsEmpty ? new byte[instance.ObservationSpace.ByteSize] : observation;
        _action = new byte[instance.ActionSpace.ByteSize];
        _defersObservations = instance.DeferObservations();
        activity.EnvOpened(instance.Backend);
    }

    public IEnvInstance Instance { get; }

    public string InstanceId => Instance.InstanceId;

    public Space ObservationSpace => Instance.ObservationSpace;

    public Space ActionSpace => Instance.ActionSpace;

    /// <summary>
    /// The last observation, in the observation space's layout: loaded into the env's buffer first when the env left
    /// it in shared memory (so it fails with worker_lost when that worker has died since).
    /// </summary>
    public ReadOnlySpan<byte> Observation => LoadedObservation().Span;

    /// <summary>The buffer <see cref="Observation"/> lives in, the same for the env's whole life, with the last observation loaded.</summary>
    public ReadOnlyMemory<byte> LoadedObservation()
    {
        if (_defersObservations)
        {
            Instance.LoadDeferredObservation();
        }
        return _observation;
    }

    int IObservationSource.ObservationCount => 1;

    /// <summary>The observation's bytes: its space's size.</summary>
    public int ObservationSize => _observation.Length;

    /// <summary>Copies the last observation into a reply: from the env's shared memory when it is still only there.</summary>
    public void CopyObservationsTo(Span<byte> destination)
    {
        if (!_defersObservations || !Instance.TryCopyDeferredObservation(destination))
        {
            _observation.Span.CopyTo(destination);
        }
    }

    /// <summary>The buffer a step's action is read into before <see cref="StepAsync"/>.</summary>
    public Span<byte> Action => _action;

    /// <summary>The info of the last reset or step.</summary>
    public EnvInfo Info { get; } = new();

    /// <summary>The episode statistics of this env (Gymnasium's RecordEpisodeStatistics).</summary>
    public EpisodeStatistics Statistics => _statistics;

    /// <summary>Whether the client asked for episode statistics in its steps' info.</summary>
    public bool ReportsStatistics { get; private set; }

    /// <summary>The env's recording (videos of scheduled episodes), while one runs: see <see cref="MediaRecorder"/>.</summary>
    public EnvRecording? Recording { get; internal set; }

    /// <summary>The next reset is a reset with this seed (then the env's generator continues).</summary>
    public void SeedNextReset(BigInteger seed) => _pendingSeed = seed;

    /// <summary>Starts reporting episode statistics in the step info (the running episode's count from its reset).</summary>
    public void RecordEpisodeStatistics() => ReportsStatistics = true;

    /// <summary>Resets with the pending seed, if any. Completes synchronously when the env does.</summary>
    public ValueTask ResetAsync(CancellationToken cancellationToken)
    {
        var seed = _pendingSeed;
        _pendingSeed = null;
        return ResetAsync(seed, options: null, cancellationToken);
    }

    /// <summary>Gymnasium's <c>reset(seed=seed, options=options)</c> (protocol 2); a pending seed is dropped.</summary>
    public ValueTask ResetAsync(BigInteger? seed, JsonElement? options, CancellationToken cancellationToken)
    {
        _pendingSeed = null;
        var reset = Instance.ResetAsync(seed, options, _observation, Info, cancellationToken);
        if (!reset.IsCompletedSuccessfully)
        {
            return AwaitResetAsync(reset, seed, cancellationToken);
        }
        _statistics.OnReset();
        return Recording is EnvRecording recording ? recording.OnResetAsync(seed, cancellationToken) : ValueTask.CompletedTask;

        async ValueTask AwaitResetAsync(ValueTask reset, BigInteger? seed, CancellationToken cancellationToken)
        {
            await reset.ConfigureAwait(false);
            _statistics.OnReset();
            if (Recording is EnvRecording recording)
            {
                await recording.OnResetAsync(seed, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Steps with the action in <see cref="Action"/>; the summary is set when the client asked for statistics and
    /// the episode ended. Completes synchronously when the env does, allocating nothing.
    /// </summary>
    public ValueTask<(StepResult Result, EpisodeSummary? Episode)> StepAsync(CancellationToken cancellationToken)
    {
        _steps?.Take(1);
        var started = InVector ? 0 : Stopwatch.GetTimestamp();
        var step = Instance.StepAsync(_action, _observation, Info, cancellationToken);
        if (!step.IsCompletedSuccessfully)
        {
            return AwaitStepAsync(step, started, cancellationToken);
        }
        var (result, ended) = Complete(step.Result, started);
        if (Recording is not EnvRecording recording)
        {
            return new((result, Reported(ended)));
        }
        var capture = recording.OnStepAsync(ended, cancellationToken);
        return capture.IsCompletedSuccessfully ? new((result, Reported(ended))) : AwaitCaptureAsync(capture, result, ended);

        async ValueTask<(StepResult, EpisodeSummary?)> AwaitStepAsync(ValueTask<StepResult> step, long started, CancellationToken cancellationToken)
        {
            var (result, ended) = Complete(await step.ConfigureAwait(false), started);
            if (Recording is EnvRecording recording)
            {
                await recording.OnStepAsync(ended, cancellationToken).ConfigureAwait(false);
            }
            return (result, Reported(ended));
        }

        async ValueTask<(StepResult, EpisodeSummary?)> AwaitCaptureAsync(ValueTask capture, StepResult result, EpisodeSummary? ended)
        {
            await capture.ConfigureAwait(false);
            return (result, Reported(ended));
        }
    }

    /// <summary>Counts the step; returns the episode's summary when the step ended it.</summary>
    private (StepResult Result, EpisodeSummary? Ended) Complete(StepResult result, long started)
    {
        if (InVector)
        {
            _activity.StepTakenUntimed();
        }
        else
        {
            _activity.StepTaken(started);
        }
        var episode = _statistics.OnStep(result.Reward, result.Done);
        if (episode is not EpisodeSummary ended)
        {
            return (result, null);
        }
        _activity.OnEpisodeEnded(new EpisodeRecord(
            InstanceId, Instance.Spec.Id, Instance.Backend, _statistics.Episodes - 1,
            ended.Return, ended.Length, ended.Seconds, DateTimeOffset.UtcNow));
        return (result, ended);
    }

    /// <summary>A vector env's sub-env: its steps are timed by the vector, once per vector step.</summary>
    internal bool InVector { get; set; }

    /// <summary>The node's counters this env reports to.</summary>
    internal NodeActivity Activity => _activity;

    /// <summary>The summary the client sees: only once it asked for statistics.</summary>
    private EpisodeSummary? Reported(EpisodeSummary? ended) => ReportsStatistics ? ended : null;

    /// <summary>Samples the action space into a buffer kept for it.</summary>
    public ReadOnlySpan<byte> SampleAction()
    {
        _sample ??= new byte[ActionSpace.ByteSize];
        ActionSpace.Sample(_sample);
        return _sample;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            Recording?.OnClosed();
            _activity.EnvClosed(Instance.Backend);
            await Instance.DisposeAsync().ConfigureAwait(false);
        }
    }
}
