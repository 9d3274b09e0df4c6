namespace GymServer.Engine.Environments;

/// <summary>
/// An error an env reports to its client: a snake_case code the wire carries as is, and a message for people.
/// </summary>
public class EnvException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>The error codes the engine raises, in one place so the wire spec can list them.</summary>
public static class EnvErrorCodes
{
    public const string UnknownEnv = "unknown_env";
    public const string ResetNeeded = "reset_needed";
    public const string InvalidAction = "invalid_action";
    public const string InvalidArgument = "invalid_argument";
    public const string EnvError = "env_error";
    /// <summary>A wrapper name GymServer has no C# implementation of (see <c>Wrappers.NativeWrappers</c>).</summary>
    public const string UnknownWrapper = "unknown_wrapper";

    // Python worker pool.
    /// <summary>The Python worker hosting the env exited or stopped answering; the env is gone, make it again.</summary>
    public const string WorkerLost = "worker_lost";
    /// <summary>Python envs are disabled, or the interpreter or gymnasium is missing.</summary>
    public const string PythonUnavailable = "python_unavailable";
    /// <summary>A <c>module:Name</c> id whose module configuration does not allow.</summary>
    public const string ForbiddenEnv = "forbidden_env";
    /// <summary>An env whose space has no GymServer form (Text, Graph, Sequence, float16, ...).</summary>
    public const string UnsupportedSpace = "unsupported_space";
    /// <summary>Every Python worker already hosts its maximum number of envs.</summary>
    public const string PoolFull = "pool_full";
}
