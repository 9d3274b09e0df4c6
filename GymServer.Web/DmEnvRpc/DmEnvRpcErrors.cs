using Grpc.Core;
using GymServer.Protocol;

namespace GymServer.Web.DmEnvRpc;

/// <summary>
/// The snake_case codes of dm_env_rpc's own errors (the engine's are <see cref="EnvErrorCodes"/>), and the gRPC
/// status code each error travels with in <c>EnvironmentResponse.error</c>.
/// </summary>
internal static class DmEnvRpcErrors
{
    public const string InvalidArgument = EnvErrorCodes.InvalidArgument;
    public const string InvalidAction = EnvErrorCodes.InvalidAction;
    /// <summary>No world of that name on this stream.</summary>
    public const string UnknownWorld = "unknown_world";
    /// <summary>Reset or Step before JoinWorld.</summary>
    public const string NotJoined = "not_joined";
    /// <summary>JoinWorld while joined, DestroyWorld of the joined world.</summary>
    public const string AlreadyJoined = "already_joined";
    /// <summary>An extension request, or a request with no payload.</summary>
    public const string UnsupportedRequest = "unsupported_request";
    /// <summary>A request that failed in a way the server did not foresee (logged with its stack).</summary>
    public const string Internal = "internal";

    /// <summary>The status code of an engine error.</summary>
    public static StatusCode StatusOf(string engineCode) => engineCode switch
    {
        EnvErrorCodes.UnknownEnv or EnvErrorCodes.InvalidArgument or EnvErrorCodes.InvalidAction
            or EnvErrorCodes.UnsupportedSpace => StatusCode.InvalidArgument,
        EnvErrorCodes.ForbiddenEnv => StatusCode.PermissionDenied,
        EnvErrorCodes.TooManyEnvs or EnvErrorCodes.RateLimited or EnvErrorCodes.PoolFull => StatusCode.ResourceExhausted,
        EnvErrorCodes.PythonUnavailable => StatusCode.Unavailable,
        // The env is gone with its worker or node: the world must be made again.
        EnvErrorCodes.WorkerLost or EnvErrorCodes.NodeLost => StatusCode.Aborted,
        EnvErrorCodes.ResetNeeded => StatusCode.FailedPrecondition,
        _ => StatusCode.Internal,
    };

    /// <summary>Whether a step that failed with this code was refused before the env ran it (a rate-limited step).</summary>
    public static bool LeftEnvUntouched(string engineCode) => engineCode == EnvErrorCodes.RateLimited;

    /// <summary>The <c>google.rpc.Status</c> of an error.</summary>
    public static Google.Rpc.Status Status(StatusCode code, string message) => new() { Code = (int)code, Message = message };
}
