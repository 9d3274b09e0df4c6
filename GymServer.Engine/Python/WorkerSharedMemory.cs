using System.Globalization;
using Microsoft.Extensions.Logging;

namespace GymServer.Engine.Python;

/// <summary>The node's shared memory for Python workers, as the dashboard and /metrics show it.</summary>
/// <param name="UsedBytes">Bytes of the slots in use (whole pages).</param>
/// <param name="CapacityBytes">The cap, <see cref="PythonOptions.SharedMemoryBytes"/> (0: shared memory is off).</param>
/// <param name="Slots">Slots in use (an env's observations, an env's frames).</param>
/// <param name="Fallbacks">Values that went on the pipe since start because the cap was reached or a file could not be made.</param>
public sealed record SharedMemoryStatus(long UsedBytes, long CapacityBytes, int Slots, long Fallbacks);

/// <summary>
/// Hands out shared memory slots up to <see cref="PythonOptions.SharedMemoryBytes"/>, the one place that cap is
/// enforced. A value it gives no slot (too small to be worth one, past the cap, a file that cannot be made) simply
/// travels on the worker's pipe, as before shared memory: no make is refused for want of it.
/// </summary>
internal sealed class WorkerSharedMemory
{
    private const string FilePrefix = "gymserver-";
    private static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(1);

    private readonly PythonOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly long _pageSize = Environment.SystemPageSize;
    private long _used;
    private int _slots;
    private long _fallbacks;
    private DateTime _lastWarning = DateTime.MinValue;

    public WorkerSharedMemory(PythonOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
        Enabled = options.SharedMemoryBytes > 0 && options.Workers > 0;
    }

    /// <summary>Whether slots are handed out at all (a cap above 0, and a directory that exists: see <see cref="Prepare"/>).</summary>
    public bool Enabled { get; private set; }

    public SharedMemoryStatus Status
    {
        get
        {
            lock (_gate)
            {
                return new SharedMemoryStatus(_used, Enabled ? _options.SharedMemoryBytes : 0, _slots, _fallbacks);
            }
        }
    }

    /// <summary>
    /// At pool start: checks the directory, and removes files a previous server process left there if it died
    /// between creating one and the worker's attach (the only moment a slot's file exists).
    /// </summary>
    public void Prepare()
    {
        if (!Enabled)
        {
            return;
        }
        if (!Directory.Exists(_options.SharedMemoryDirectory))
        {
            Enabled = false;
            PythonLog.SharedMemoryUnavailable(_logger, $"{_options.SharedMemoryDirectory} does not exist (Gym:Python:SharedMemoryDirectory)");
            return;
        }
        if (!Directory.Exists("/proc/self"))
        {
            // No way to tell a dead server's files from a live one's: leave them all.
            return;
        }
        foreach (var path in Directory.EnumerateFiles(_options.SharedMemoryDirectory, FilePrefix + "*"))
        {
            var parts = Path.GetFileName(path).Split('-');
            if (parts.Length >= 3 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !IsRunning(pid))
            {
                TryDelete(path);
            }
        }
    }

    /// <summary>
    /// A new slot of <paramref name="length"/> bytes, or null when the value should go on the pipe: shared memory is
    /// off, the value is small, the cap would be passed, or the file cannot be made (a full tmpfs).
    /// </summary>
    public SharedSlot? TryCreate(int length)
    {
        if (!Enabled || length < _options.SharedMemoryMinBytes)
        {
            return null;
        }
        var reserved = (length + _pageSize - 1) / _pageSize * _pageSize;
        lock (_gate)
        {
            if (_used + reserved > _options.SharedMemoryBytes)
            {
                _fallbacks++;
                WarnLocked($"the cap of {_options.SharedMemoryBytes} bytes is reached ({_used} in use by {_slots} slot(s); Gym:Python:SharedMemoryBytes)");
                return null;
            }
            _used += reserved;
            _slots++;
        }
        var path = Path.Combine(_options.SharedMemoryDirectory, $"{FilePrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            return SharedSlot.Create(this, path, length, reserved);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            lock (_gate)
            {
                _used -= reserved;
                _slots--;
                _fallbacks++;
                WarnLocked($"{path} could not be made: {error.Message}");
            }
            return null;
        }
    }

    /// <summary>Counts a value that went on the pipe because its worker could not map the slot it was given.</summary>
    public void CountFallback(string reason)
    {
        lock (_gate)
        {
            _fallbacks++;
            WarnLocked(reason);
        }
    }

    /// <summary>Called once by each slot as it is disposed.</summary>
    public void Released(SharedSlot slot)
    {
        lock (_gate)
        {
            _used -= slot.ReservedBytes;
            _slots--;
        }
    }

    /// <summary>One warning a minute at most: a node at its cap would otherwise log one line per new env.</summary>
    private void WarnLocked(string reason)
    {
        var now = DateTime.UtcNow;
        if (now - _lastWarning < WarningInterval)
        {
            return;
        }
        _lastWarning = now;
        PythonLog.SharedMemoryFallback(_logger, reason);
    }

    private static bool IsRunning(int pid) => Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Another user's file, or gone already: not ours to worry about.
        }
    }
}
