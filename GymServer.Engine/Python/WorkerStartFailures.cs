namespace GymServer.Engine.Python;

/// <summary>
/// The start failures that every worker would hit the same way, worded once: which interpreter, what failed, and
/// which setting to change. The pool logs the reason in one line and the dashboard and /readyz show it.
/// </summary>
internal static class WorkerStartFailures
{
    /// <summary>The worker's hello error codes (python/gymserver_worker/commands.py).</summary>
    private const string GymnasiumMissing = "gymnasium_missing";
    private const string ImportFailed = "import_failed";

    private const string TurnOff = $"or {PythonOptions.SectionName}:Workers to 0 to turn Python envs off";

    public static WorkerStartException ScriptMissing(string script) => new(
        $"the worker script {script} does not exist; it ships as python/gym_worker.py beside the server " +
        $"({PythonOptions.SectionName}:WorkerScript names another)", fatal: true);

    public static WorkerStartException CannotRun(PythonOptions options, string error) => new(
        $"cannot run the Python interpreter {Interpreter(options)}: {error}; set {PythonOptions.SectionName}:Executable " +
        $"to a Python 3 interpreter that has gymnasium, {TurnOff}", fatal: true);

    /// <summary>The worker started but said in its hello that it cannot serve.</summary>
    public static WorkerStartException Refused(PythonOptions options, PythonEnvException error) => new(error.Code switch
    {
        GymnasiumMissing =>
            $"the interpreter {Interpreter(options)} cannot serve envs: {error.Message}; set {PythonOptions.SectionName}:Executable " +
            $"to an interpreter that has gymnasium (a virtualenv's bin/python works), {TurnOff}",
        ImportFailed =>
            $"the interpreter {Interpreter(options)} failed to import a module of {PythonOptions.SectionName}:Imports: " +
            $"{error.Message}; check {PythonOptions.SectionName}:Imports and {PythonOptions.SectionName}:PythonPath",
        _ => $"the interpreter {Interpreter(options)} refused to start a worker: {error.Message}",
    }, fatal: true);

    /// <summary>
    /// The configured interpreter, and where PATH finds it when it is a bare name: "'python3' (/usr/bin/python3)". A
    /// first look for an administrator who has several Pythons (Debian's, pyenv's, a virtualenv's).
    /// </summary>
    public static string Interpreter(PythonOptions options)
    {
        var executable = options.Executable;
        if (executable.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return $"'{executable}'";
        }
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, executable))
            .FirstOrDefault(File.Exists);
        return found is null ? $"'{executable}' (not found on PATH)" : $"'{executable}' ({found})";
    }
}
