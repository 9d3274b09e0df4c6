using System.Collections.Concurrent;
using System.Diagnostics;

namespace GymServer.Engine.Sessions;

/// <summary>
/// What every session of this node is doing, counted in one place: open sessions, open envs by backend, steps and
/// finished episodes, and the most recent episodes. The dashboard and the metrics read it; sessions write it.
/// </summary>
public sealed class NodeActivity
{
    /// <summary>How many recent episodes are kept for <see cref="RecentEpisodes"/>.</summary>
    public const int RecentCapacity = 200;

    private readonly ConcurrentDictionary<string, long> _envsByBackend = new(StringComparer.Ordinal);
    private readonly Queue<EpisodeRecord> _recent = new(RecentCapacity);
    private readonly Lock _recentLock = new();
    private long _sessions;
    private long _steps;
    private long _episodes;

    /// <summary>
    /// Raised on the thread that stepped the env, after the episode is counted. Handlers must be quick and must not
    /// throw: they run on a client's step path (queue the record and batch, as the dashboard hub does).
    /// </summary>
    public event Action<EpisodeRecord>? EpisodeEnded;

    /// <summary>
    /// Raised after every env step with the seconds the env took (from the action to the result: no parsing, no
    /// network), on the stepping thread; for the step latency histogram. Handlers must not allocate or block.
    /// </summary>
    public event Action<double>? StepTimed;

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    public long Sessions => Interlocked.Read(ref _sessions);

    public long Steps => Interlocked.Read(ref _steps);

    public long Episodes => Interlocked.Read(ref _episodes);

    public void SessionOpened() => Interlocked.Increment(ref _sessions);

    public void SessionClosed() => Interlocked.Decrement(ref _sessions);

    public void EnvOpened(string backend) => _envsByBackend.AddOrUpdate(backend, 1, static (_, count) => count + 1);

    public void EnvClosed(string backend) => _envsByBackend.AddOrUpdate(backend, 0, static (_, count) => count - 1);

    /// <summary>Open envs per backend ("native", "python", ...); a vector env counts each of its sub-envs.</summary>
    public IReadOnlyDictionary<string, long> EnvsByBackend() => new Dictionary<string, long>(_envsByBackend, StringComparer.Ordinal);

    /// <summary>One env step that started at <paramref name="startedTimestamp"/> (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public void StepTaken(long startedTimestamp)
    {
        Interlocked.Increment(ref _steps);
        StepTimed?.Invoke(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds);
    }

    /// <summary>A sub-env's step of a vector env: counted here, timed once per vector step (<see cref="VectorStepTimed"/>).</summary>
    public void StepTakenUntimed() => Interlocked.Increment(ref _steps);

    /// <summary>
    /// A vector step of <paramref name="envs"/> sub-envs that started at <paramref name="startedTimestamp"/>: one
    /// latency sample, the mean per sub-env. Timing each of a thousand sub-envs would cost more than their steps.
    /// </summary>
    public void VectorStepTimed(long startedTimestamp, int envs) =>
        StepTimed?.Invoke(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds / Math.Max(envs, 1));

    public void OnEpisodeEnded(EpisodeRecord episode)
    {
        Interlocked.Increment(ref _episodes);
        lock (_recentLock)
        {
            if (_recent.Count == RecentCapacity)
            {
                _recent.Dequeue();
            }
            _recent.Enqueue(episode);
        }
        EpisodeEnded?.Invoke(episode);
    }

    /// <summary>Up to <paramref name="max"/> of the most recent episodes, newest first.</summary>
    public IReadOnlyList<EpisodeRecord> RecentEpisodes(int max = RecentCapacity)
    {
        lock (_recentLock)
        {
            return _recent.Reverse().Take(max).ToArray();
        }
    }
}
