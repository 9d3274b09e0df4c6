namespace GymServer.Engine.Python;

/// <summary>A worker process's resident memory and the share of one core it used over the last sampling interval.</summary>
/// <param name="ResidentBytes">Resident set size in bytes: the second field of <c>/proc/&lt;pid&gt;/statm</c> (pages) times the page size.</param>
/// <param name="CpuShare">
/// CPU time (user and system) over wall time since the previous sample: 1.0 is one core busy all the time; null
/// until a second sample exists.
/// </param>
public readonly record struct WorkerUsage(long ResidentBytes, double? CpuShare);
