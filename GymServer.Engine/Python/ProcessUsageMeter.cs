using System.Diagnostics;
using System.Globalization;

namespace GymServer.Engine.Python;

/// <summary>
/// Measures one process from Linux's /proc, when asked (the pool samples every worker on the dashboard's snapshot
/// cadence, about once a second, never per step). Elsewhere, or once the process is gone, there is no sample.
/// </summary>
internal sealed class ProcessUsageMeter(int pid)
{
    /// <summary>
    /// The unit of /proc/&lt;pid&gt;/stat's times: USER_HZ, which the kernel fixes at 100 for user space on every
    /// architecture .NET runs on (x86, x64, Arm).
    /// </summary>
    private const double TicksPerSecond = 100;

    /// <summary>utime and stime: fields 14 and 15 of /proc/&lt;pid&gt;/stat, counted after the command's closing parenthesis.</summary>
    private const int UserTimeAfterCommand = 11;

    private static readonly long PageSize = Environment.SystemPageSize;

    private readonly string _stat = $"/proc/{pid}/stat";
    private readonly string _statm = $"/proc/{pid}/statm";
    private readonly Lock _gate = new();
    private (long Ticks, long Timestamp)? _previous;
    private WorkerUsage? _latest;

    /// <summary>The latest sample, or null before the first one or when /proc cannot be read.</summary>
    public WorkerUsage? Latest
    {
        get
        {
            lock (_gate)
            {
                return _latest;
            }
        }
    }

    /// <summary>Reads the process's memory and CPU time now; the CPU share covers the time since the previous call.</summary>
    public void Sample()
    {
        var timestamp = Stopwatch.GetTimestamp();
        long residentPages;
        long ticks;
        try
        {
            residentPages = long.Parse(File.ReadAllText(_statm).Split(' ')[1], CultureInfo.InvariantCulture);
            var stat = File.ReadAllText(_stat);
            // The command (field 2) is in parentheses and may itself hold spaces or parentheses.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            ticks = long.Parse(fields[UserTimeAfterCommand], CultureInfo.InvariantCulture) +
                long.Parse(fields[UserTimeAfterCommand + 1], CultureInfo.InvariantCulture);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // No /proc (not Linux) or the process has exited since it was listed: nothing to show for it.
            lock (_gate)
            {
                _latest = null;
            }
            return;
        }
        lock (_gate)
        {
            double? share = null;
            if (_previous is { } previous)
            {
                var seconds = Stopwatch.GetElapsedTime(previous.Timestamp, timestamp).TotalSeconds;
                share = seconds > 0 ? (ticks - previous.Ticks) / TicksPerSecond / seconds : _latest?.CpuShare;
            }
            _previous = (ticks, timestamp);
            _latest = new WorkerUsage(residentPages * PageSize, share);
        }
    }
}
