namespace GymServer.Engine.Python;

/// <summary>A snapshot of the pool for the dashboard and health checks, its shared memory included.</summary>
public sealed record PythonPoolStatus(
    PythonPoolState State,
    string? Reason,
    int ConfiguredWorkers,
    IReadOnlyList<PythonWorkerStatus> Workers,
    WorkerHello? Hello,
    SharedMemoryStatus? SharedMemory = null)
{
    public int ReadyWorkers => Workers.Count(worker => worker.Pid is not null);

    public int Envs => Workers.Sum(worker => worker.Envs);

    /// <summary>How /healthz, /readyz and the dashboard say that Python envs cannot be served, and why (as the log does).</summary>
    public static string Unavailable(string? reason) => $"Python envs unavailable: {reason}";
}

/// <summary>
/// One slot: its current process (none while it restarts), envs on it, how often it was restarted, and the process's
/// latest memory and CPU sample (<see cref="PythonWorkerPool.SampleUsage"/>; null before the first or off Linux).
/// </summary>
public sealed record PythonWorkerStatus(int Slot, int? Pid, int Envs, int Restarts, WorkerUsage? Usage = null);
