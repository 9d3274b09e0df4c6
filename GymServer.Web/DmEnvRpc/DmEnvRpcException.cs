using Grpc.Core;

namespace GymServer.Web.DmEnvRpc;

/// <summary>
/// A request the protocol refuses (no such world, not joined, a bad setting or action): its gRPC status code, a
/// snake_case code for the metrics (as the engine's errors have), and a message for people. It becomes the
/// response's <c>error</c>; the stream goes on.
/// </summary>
internal sealed class DmEnvRpcException(StatusCode status, string code, string message) : Exception(message)
{
    public StatusCode Status { get; } = status;

    public string Code { get; } = code;

    public static DmEnvRpcException InvalidArgument(string message) => new(StatusCode.InvalidArgument, DmEnvRpcErrors.InvalidArgument, message);

    public static DmEnvRpcException InvalidAction(string message) => new(StatusCode.InvalidArgument, DmEnvRpcErrors.InvalidAction, message);

    public static DmEnvRpcException NotJoined(string request) =>
        new(StatusCode.FailedPrecondition, DmEnvRpcErrors.NotJoined, $"{request} needs a joined world: send JoinWorld first");
}
