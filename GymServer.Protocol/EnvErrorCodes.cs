namespace GymServer.Protocol;

/// <summary>
/// The error codes the engine raises (envs, sessions, admission, the Python pool, the cluster), in one place so the
/// wire spec can list them. The protocol layer's own are <see cref="ProtocolErrorCodes"/>.
/// </summary>
public static class EnvErrorCodes
{
    public const string UnknownEnv = "unknown_env";
    public const string ResetNeeded = "reset_needed";
    public const string InvalidAction = "invalid_action";
    public const string InvalidArgument = "invalid_argument";
    public const string EnvError = "env_error";
    /// <summary>A wrapper name GymServer has no C# implementation of (see <c>Wrappers.NativeWrappers</c>).</summary>
    public const string UnknownWrapper = "unknown_wrapper";
    /// <summary>A wrapper name not on the server's allow-list (<c>Gym:Envs:AllowedWrappers</c>).</summary>
    public const string ForbiddenWrapper = "forbidden_wrapper";

    // Admission (Gym:Node).
    /// <summary>The connection or the node already has as many envs open as it may.</summary>
    public const string TooManyEnvs = "too_many_envs";
    /// <summary>The connection stepped faster than <c>Gym:Node:MaxStepsPerSecond</c>; the step was not run.</summary>
    public const string RateLimited = "rate_limited";

    // Cluster.
    /// <summary>
    /// The env lived on another node of the cluster, and that node died or left (it drains on a graceful stop); the
    /// env is gone, make it again.
    /// </summary>
    public const string NodeLost = "node_lost";

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
