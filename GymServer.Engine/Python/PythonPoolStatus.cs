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
}

/// <summary>One slot: its current process (none while it restarts), envs on it, and how often it was restarted.</summary>
public sealed record PythonWorkerStatus(int Slot, int? Pid, int Envs, int Restarts);
