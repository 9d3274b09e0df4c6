using System.Collections.Concurrent;

namespace GymServer.Soak;

/// <summary>What the sessions saw: steps, resets, errors by backend and code, worker losses, broken connections.</summary>
public sealed class SoakCounters
{
    private long _steps;
    private long _resets;
    private long _workerLost;
    private long _brokenConnections;

    public Histogram StepLatency { get; } = new();

    public ConcurrentDictionary<string, long> Errors { get; } = new(StringComparer.Ordinal);

    public long Steps => Interlocked.Read(ref _steps);

    public long Resets => Interlocked.Read(ref _resets);

    public long WorkerLost => Interlocked.Read(ref _workerLost);

    public long BrokenConnections => Interlocked.Read(ref _brokenConnections);

    public void Step(double microseconds)
    {
        Interlocked.Increment(ref _steps);
        StepLatency.Record(microseconds);
    }

    public void Reset() => Interlocked.Increment(ref _resets);

    public void LostWorker() => Interlocked.Increment(ref _workerLost);

    public void Error(string backend, string code) => Errors.AddOrUpdate($"{backend}:{code}", 1, static (_, count) => count + 1);

    public void Broken(string backend, Exception exception)
    {
        Interlocked.Increment(ref _brokenConnections);
        Error(backend, exception.GetType().Name);
    }
}
