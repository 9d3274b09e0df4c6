namespace GymServer.Engine.Python;

/// <summary>The Python worker pool's settings, bound from the <c>Gym:Python</c> configuration section.</summary>
public sealed class PythonOptions
{
    public const string SectionName = "Gym:Python";

    /// <summary>Worker processes per node; 0 disables Python envs.</summary>
    public int Workers { get; set; } = 4;

    /// <summary>The interpreter, as a path or a name looked up on PATH.</summary>
    public string Executable { get; set; } = "python3";

    /// <summary>The worker script; by default the <c>python/gym_worker.py</c> shipped beside the engine.</summary>
    public string? WorkerScript { get; set; }

    /// <summary>Modules every worker imports at start: how users register their own envs.</summary>
    public List<string> Imports { get; set; } = [];

    /// <summary>
    /// Modules that env ids of the form <c>module:Name</c> may name. Such an id makes gymnasium import the module,
    /// which runs its code, so none is allowed unless listed here.
    /// </summary>
    public List<string> AllowedModules { get; set; } = [];

    /// <summary>Directories put first on the workers' PYTHONPATH.</summary>
    public List<string> PythonPath { get; set; } = [];

    /// <summary>Envs one worker hosts at most; a new env goes to the least-loaded worker below this.</summary>
    public int MaxEnvsPerWorker { get; set; } = 256;

    /// <summary>How long a worker may spend on one command before it is taken as hung, killed and restarted.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a new worker may take to import gymnasium (and the <see cref="Imports"/>) and say hello.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The wait before restarting a worker that failed soon after its previous start; doubles each time.</summary>
    public TimeSpan RestartBackoff { get; set; } = TimeSpan.FromSeconds(0.5);

    /// <summary>The longest wait between restarts.</summary>
    public TimeSpan RestartBackoffMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A worker that ran at least this long before it was lost is restarted at once.</summary>
    public TimeSpan StableAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The largest frame a worker may send (a rendered frame is the usual big one).</summary>
    public int MaxFrameBytes { get; set; } = 256 << 20;

    /// <summary>
    /// The most shared memory the node's workers may use for observations and rendered frames, in bytes (each env's
    /// slot counted in whole pages); 0 turns shared memory off. Past it, new envs send their values on the pipe.
    /// </summary>
    public long SharedMemoryBytes { get; set; } = 256L << 20;

    /// <summary>Observations and frames smaller than this stay on the pipe, which is as cheap for them.</summary>
    public int SharedMemoryMinBytes { get; set; } = 4096;

    /// <summary>Where the shared memory files are created (a tmpfs): each lives only until the worker has mapped it.</summary>
    public string SharedMemoryDirectory { get; set; } = "/dev/shm";

    /// <summary>
    /// How many workers a vector env's sub-envs are spread over, so they step in parallel: by default as many as the
    /// machine has processors (more cannot step at once, and each worker more costs a batch request and a wake-up per
    /// vector step; measured in docs/worker-protocol.md, "Vector envs"); 0 for every live worker, 1 to keep them all
    /// in one worker.
    /// </summary>
    public int VectorSpread { get; set; } = Environment.ProcessorCount;

    /// <summary>The problems with these settings, empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Workers < 0)
        {
            problems.Add($"{SectionName}:Workers must be 0 (disabled) or more, not {Workers}");
        }
        if (MaxEnvsPerWorker < 1)
        {
            problems.Add($"{SectionName}:MaxEnvsPerWorker must be at least 1, not {MaxEnvsPerWorker}");
        }
        if (CallTimeout <= TimeSpan.Zero || StartTimeout <= TimeSpan.Zero)
        {
            problems.Add($"{SectionName}:CallTimeout and StartTimeout must be positive");
        }
        if (RestartBackoff < TimeSpan.Zero || RestartBackoffMax < RestartBackoff)
        {
            problems.Add($"{SectionName}:RestartBackoff must be 0 or more and at most RestartBackoffMax");
        }
        if (string.IsNullOrWhiteSpace(Executable))
        {
            problems.Add($"{SectionName}:Executable must name the Python interpreter");
        }
        if (MaxFrameBytes < 1 << 16)
        {
            problems.Add($"{SectionName}:MaxFrameBytes must be at least 65536");
        }
        if (SharedMemoryBytes < 0 || SharedMemoryMinBytes < 1)
        {
            problems.Add($"{SectionName}:SharedMemoryBytes must be 0 (off) or more, and SharedMemoryMinBytes at least 1");
        }
        if (SharedMemoryBytes > 0 && string.IsNullOrWhiteSpace(SharedMemoryDirectory))
        {
            problems.Add($"{SectionName}:SharedMemoryDirectory must name a directory (a tmpfs such as /dev/shm)");
        }
        if (VectorSpread < 0)
        {
            problems.Add($"{SectionName}:VectorSpread must be 0 (every worker) or more, not {VectorSpread}");
        }
        return problems;
    }

    /// <summary>The worker script to run: <see cref="WorkerScript"/>, or the copy shipped beside the engine.</summary>
    public string ResolveWorkerScript() =>
        WorkerScript ?? Path.Combine(AppContext.BaseDirectory, "python", "gym_worker.py");
}
