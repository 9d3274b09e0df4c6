namespace GymServer.Web.DmEnvRpc;

/// <summary>
/// The dm_env_rpc endpoint's listeners: for the log, for tests, and to keep the gRPC service on its own port and the
/// HTTP routes off it (<see cref="BoundListeners.Serves"/>).
/// </summary>
public sealed class DmEnvRpcEndpoints() : BoundListeners("the dm_env_rpc endpoint");
