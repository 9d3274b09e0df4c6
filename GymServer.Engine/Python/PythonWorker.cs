using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace GymServer.Engine.Python;

/// <summary>
/// One gym_worker.py process: starts it, waits for its hello, and knows when it is lost (it exited, broke the
/// protocol, or stopped answering). Requests and replies are in <c>PythonWorker.Calls.cs</c> and
/// <c>PythonWorker.Reading.cs</c>. A lost worker stays lost: the pool starts a new one in its slot.
/// </summary>
internal sealed partial class PythonWorker : IAsyncDisposable
{
    private const int StderrTailLines = 20;

    private readonly Process _process;
    private readonly Stream _input;
    private readonly PythonOptions _options;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource<string> _lost = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Queue<string> _stderrTail = new();
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private volatile WorkerHello? _hello;
    private int _envCount;
    private int _nextHandle;
    private int _disposed;

    private PythonWorker(int slot, Process process, PythonOptions options, ILogger logger)
    {
        Slot = slot;
        _process = process;
        _input = process.StandardInput.BaseStream;
        _options = options;
        _logger = logger;
        Pid = process.Id;
        Usage = new ProcessUsageMeter(Pid);
        _watchdog = new Timer(_ => CheckProgress(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The pool slot this worker fills.</summary>
    public int Slot { get; }

    public int Pid { get; }

    /// <summary>What the worker said when it came up; null until then.</summary>
    public WorkerHello? Hello
    {
        get => _hello;
        private set => _hello = value;
    }

    /// <summary>The process's memory and CPU share, sampled by the pool on the dashboard's cadence.</summary>
    public ProcessUsageMeter Usage { get; }

    /// <summary>Completes, with the reason, when the worker is lost; every call then fails with worker_lost.</summary>
    public Task<string> Lost => _lost.Task;

    /// <summary>Whether it is lost: true from the moment the loss is recorded, before calls waiting on it fail.</summary>
    public bool IsLost => Volatile.Read(ref _lostReason) is not null;

    /// <summary>Envs placed on this worker and not yet closed.</summary>
    public int EnvCount => Volatile.Read(ref _envCount);

    public TimeSpan Uptime => Stopwatch.GetElapsedTime(_startedAt);

    /// <summary>Starts a worker and waits for its hello.</summary>
    /// <exception cref="WorkerStartException">It could not be started or did not say hello.</exception>
    public static async Task<PythonWorker> StartAsync(int slot, PythonOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var script = options.ResolveWorkerScript();
        if (!File.Exists(script))
        {
            throw WorkerStartFailures.ScriptMissing(script);
        }
        Process process;
        try
        {
            process = Process.Start(CreateStartInfo(options, script))
                ?? throw WorkerStartFailures.CannotRun(options, "it did not start");
        }
        catch (Win32Exception error)
        {
            throw WorkerStartFailures.CannotRun(options, error.Message);
        }
        var worker = new PythonWorker(slot, process, options, logger);
        var hello = worker.ExpectHello();
        worker.StartReading();
        try
        {
            await worker.ReceiveHelloAsync(hello, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await worker.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return worker;
    }

    /// <summary>A handle for a new env on this worker, unique for the worker's life.</summary>
    public uint NextHandle() => (uint)Interlocked.Increment(ref _nextHandle);

    /// <summary>Counts an env placed here; the pool calls it under its lock, after checking the limit.</summary>
    public void AddEnv() => Interlocked.Increment(ref _envCount);

    public void RemoveEnv() => Interlocked.Decrement(ref _envCount);

    /// <summary>Kills the worker: every call in flight and every later one fails with worker_lost.</summary>
    public void Abort(string reason)
    {
        MarkLost(reason);
        KillProcess();
    }

    /// <summary>Stops the worker the polite way (end of input, so it closes its envs), killing it if it lingers.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        MarkLost("the pool stopped it");
        try
        {
            _input.Close();
        }
        catch (IOException)
        {
            // Already gone: nothing left to tell it.
        }
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            KillProcess();
        }
        await _watchdog.DisposeAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    /// <summary>The last lines the worker wrote to stderr, for start-up failure messages.</summary>
    public string StderrTail()
    {
        lock (_stderrTail)
        {
            return string.Join('\n', _stderrTail);
        }
    }

    private static ProcessStartInfo CreateStartInfo(PythonOptions options, string script)
    {
        var info = new ProcessStartInfo(options.Executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(script);
        foreach (var module in options.Imports)
        {
            info.ArgumentList.Add("--import");
            info.ArgumentList.Add(module);
        }
        foreach (var module in options.AllowedModules)
        {
            info.ArgumentList.Add("--allow-module");
            info.ArgumentList.Add(module);
        }
        var paths = options.PythonPath.ToList();
        if (Environment.GetEnvironmentVariable("PYTHONPATH") is { Length: > 0 } inherited)
        {
            paths.Add(inherited);
        }
        info.Environment["PYTHONPATH"] = string.Join(Path.PathSeparator, paths);
        // Unbuffered stderr lines reach the log as they are written, not when a buffer fills.
        info.Environment["PYTHONUNBUFFERED"] = "1";
        return info;
    }

    private void OnStderrLine(object sender, DataReceivedEventArgs line)
    {
        if (line.Data is null)
        {
            return;
        }
        lock (_stderrTail)
        {
            if (_stderrTail.Count == StderrTailLines)
            {
                _stderrTail.Dequeue();
            }
            _stderrTail.Enqueue(line.Data);
        }
        if (Hello is null)
        {
            // Before its hello a worker writes why it cannot start (a traceback): the pool reports that once, in one
            // line; the lines themselves are for whoever turns on Debug.
            PythonLog.WorkerStartOutput(_logger, Slot, Pid, line.Data);
        }
        else
        {
            PythonLog.WorkerOutput(_logger, Slot, Pid, line.Data);
        }
    }

    private void KillProcess()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has already exited.
        }
    }
}
