using GymServer.Engine.Python;
using GymServer.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace GymServer.Tests.Functional.Python;

/// <summary>
/// A real worker pool for tests: Debian's /usr/bin/python3 (which has numpy), the repository's fake gymnasium on
/// the workers' path, and the test envs imported at start, as Gym:Python:Imports does for users' modules.
/// </summary>
public sealed class PythonTestPool : IAsyncDisposable
{
    public const string Interpreter = "/usr/bin/python3";

    private PythonTestPool(PythonWorkerPool pool, PythonEnvProvider provider, CapturingLoggerProvider logs)
    {
        Pool = pool;
        Provider = provider;
        Logs = logs;
    }

    public static string FakeGymDirectory => Path.Combine(RepositoryPaths.Root, "python", "tests", "fakegym");

    public PythonWorkerPool Pool { get; }

    public PythonEnvProvider Provider { get; }

    public CapturingLoggerProvider Logs { get; }

    public static PythonOptions Options(int workers = 2) => new()
    {
        Workers = workers,
        Executable = Interpreter,
        PythonPath = [FakeGymDirectory],
        Imports = ["gymserver_testenvs"],
        AllowedModules = ["gymserver_userenv"],
        RestartBackoff = TimeSpan.FromMilliseconds(100),
    };

    public static async Task<PythonTestPool> StartAsync(PythonOptions options)
    {
        var logs = new CapturingLoggerProvider();
        var pool = new PythonWorkerPool(Microsoft.Extensions.Options.Options.Create(options), logs.CreateLogger<PythonWorkerPool>());
        await pool.StartAsync(CancellationToken.None);
        return new PythonTestPool(pool, new PythonEnvProvider(pool), logs);
    }

    public static Task<PythonTestPool> StartAsync(int workers = 2) => StartAsync(Options(workers));

    public async Task<PythonEnvInstance> MakeAsync(
        string id,
        string? renderMode = null,
        Dictionary<string, System.Text.Json.JsonElement>? kwargs = null,
        IReadOnlyList<GymServer.Protocol.Values.WrapperSpec>? wrappers = null) =>
        (PythonEnvInstance)await Provider.MakeAsync(id, Guid.NewGuid().ToString("N")[..8], kwargs, wrappers ?? [], renderMode, CancellationToken.None);

    /// <summary>Waits for the pool to have <paramref name="count"/> live workers; a timeout quotes the pool's log.</summary>
    public async Task WaitForWorkersAsync(int count)
    {
        try
        {
            await Pool.WaitForReadyWorkersAsync(count, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            var log = string.Join('\n', Logs.Entries.Select(entry => $"{entry.Level}: {entry.Message}"));
            throw new TimeoutException($"the pool is not back to {count} workers; its log:\n{log}");
        }
    }

    public ValueTask DisposeAsync() => Pool.DisposeAsync();
}

/// <summary>The Python functional tests start processes: one class at a time keeps the 2-core machine responsive.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PythonWorkersCollection
{
    public const string Name = "Python workers";
}
