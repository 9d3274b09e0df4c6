using GymServer.Engine.Python;

namespace GymServer.Web.Dashboard;

/// <summary>The Python pool in a <see cref="NodeSnapshot"/>: its state and each worker's.</summary>
/// <param name="State">The pool's state (<see cref="PythonPoolState"/>, as text).</param>
/// <param name="Reason">Why Python is unavailable, when it is.</param>
/// <param name="ConfiguredWorkers">Gym:Python:Workers.</param>
/// <param name="Workers">Every worker slot.</param>
public sealed record PythonSnapshot(string State, string? Reason, int ConfiguredWorkers, IReadOnlyList<PythonWorkerSnapshot> Workers)
{
    public int Ready => Workers.Count(worker => worker.State == PythonWorkerSnapshot.ReadyState);

    public int Busy => Workers.Count(worker => worker.State == PythonWorkerSnapshot.BusyState);

    public int Restarting => Workers.Count(worker => worker.State == PythonWorkerSnapshot.RestartingState);

    /// <summary>Shared memory in use by the workers' envs (observations and frames), in bytes.</summary>
    public long SharedMemoryBytes { get; init; }

    /// <summary>Its cap, Gym:Python:SharedMemoryBytes; 0 when shared memory is off.</summary>
    public long SharedMemoryCapacity { get; init; }

    public static PythonSnapshot From(PythonPoolStatus status) => new(
        status.State.ToString(),
        status.Reason,
        status.ConfiguredWorkers,
        [.. status.Workers.Select(PythonWorkerSnapshot.From)])
    {
        SharedMemoryBytes = status.SharedMemory?.UsedBytes ?? 0,
        SharedMemoryCapacity = status.SharedMemory?.CapacityBytes ?? 0,
    };
}
