using GymServer.Engine.Python;

namespace GymServer.Web.Dashboard;

/// <summary>
/// One Python worker slot: "ready" (up, no envs), "busy" (up, serving envs) or "restarting" (no process); with its
/// process's resident memory in bytes and CPU share (1.0 = one core) over the last second, when sampled.
/// </summary>
public sealed record PythonWorkerSnapshot(int Slot, int? Pid, int Envs, int Restarts, string State, long? ResidentBytes = null, double? CpuShare = null)
{
    public const string ReadyState = "ready";
    public const string BusyState = "busy";
    public const string RestartingState = "restarting";

    public static readonly string[] States = [ReadyState, BusyState, RestartingState];

    public static PythonWorkerSnapshot From(PythonWorkerStatus worker) => new(
        worker.Slot,
        worker.Pid,
        worker.Envs,
        worker.Restarts,
        worker.Pid is null ? RestartingState : worker.Envs > 0 ? BusyState : ReadyState,
        worker.Usage?.ResidentBytes,
        worker.Usage?.CpuShare);
}
