using Microsoft.Extensions.Logging;

namespace GymServer.Engine.Python;

/// <summary>The pool's log messages, source-generated so the step path never formats a string it does not log.</summary>
internal static partial class PythonLog
{
    [LoggerMessage(1, LogLevel.Information, "Python worker {Slot} started: pid {Pid}, {Backend} {BackendVersion}, Python {Python}")]
    public static partial void WorkerStarted(ILogger logger, int slot, int pid, string backend, string backendVersion, string python);

    [LoggerMessage(2, LogLevel.Information, "Python worker {Slot} (pid {Pid}): {Line}")]
    public static partial void WorkerOutput(ILogger logger, int slot, int pid, string line);

    [LoggerMessage(3, LogLevel.Warning, "Python worker {Slot} (pid {Pid}) lost: {Reason}; {EnvCount} env(s) on it are gone")]
    public static partial void WorkerLost(ILogger logger, int slot, int pid, string reason, int envCount);

    [LoggerMessage(4, LogLevel.Information, "Restarting Python worker {Slot} in {Delay}")]
    public static partial void WorkerRestarting(ILogger logger, int slot, TimeSpan delay);

    [LoggerMessage(5, LogLevel.Warning, "Python worker {Slot} failed to start: {Reason}")]
    public static partial void WorkerStartFailed(ILogger logger, int slot, string reason);

    [LoggerMessage(6, LogLevel.Warning, "Python envs unavailable: {Reason}. Native envs keep working.")]
    public static partial void PythonUnavailable(ILogger logger, string reason);

    [LoggerMessage(7, LogLevel.Information, "Python envs are disabled (Gym:Python:Workers is 0)")]
    public static partial void PythonDisabled(ILogger logger);

    [LoggerMessage(8, LogLevel.Information, "Python pool ready: {Ready} of {Workers} worker(s), {IdCount} env id(s) registered")]
    public static partial void PoolReady(ILogger logger, int ready, int workers, int idCount);

    [LoggerMessage(9, LogLevel.Warning, "Listing the Python env registry failed: {Reason}")]
    public static partial void RegistryListFailed(ILogger logger, string reason);

    [LoggerMessage(10, LogLevel.Debug, "Python worker {Slot} (pid {Pid}) starting: {Line}")]
    public static partial void WorkerStartOutput(ILogger logger, int slot, int pid, string line);

    [LoggerMessage(20, LogLevel.Warning, "Python shared memory is off: {Reason}. Observations and frames go through the workers' pipes.")]
    public static partial void SharedMemoryUnavailable(ILogger logger, string reason);

    [LoggerMessage(21, LogLevel.Warning, "Python shared memory: {Reason}; new envs send their values through the pipe instead (slower for large observations)")]
    public static partial void SharedMemoryFallback(ILogger logger, string reason);
}
