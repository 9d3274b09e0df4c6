using GymServer.Web.DmEnvRpc.V1;
using GymServer.Web.Metrics;
using GymServer.Web.Security;
using Grpc.Core;
using DmEnvironment = GymServer.Web.DmEnvRpc.V1.Environment;

namespace GymServer.Web.DmEnvRpc;

/// <summary>
/// <c>dm_env_rpc.v1.Environment</c>: each <c>Process</c> call is one agent's stream. It must show a token when
/// the node has tokens (<c>authorization: Bearer &lt;token&gt;</c> in the call's metadata), takes one of the node's
/// stream places and counts as a connection in the metrics and the dashboard; then it runs the stream's requests in
/// order (<see cref="AgentStream"/>) until the client ends it, the call is cancelled, or the node shuts down.
/// </summary>
internal sealed class EnvironmentService(
    WorldSessions sessions,
    DmEnvRpcStreams streams,
    AccessTokens tokens,
    GymMetrics metrics,
    IHostApplicationLifetime lifetime,
    ILogger<EnvironmentService> logger) : DmEnvironment.EnvironmentBase
{
    public override async Task Process(
        IAsyncStreamReader<EnvironmentRequest> requestStream,
        IServerStreamWriter<EnvironmentResponse> responseStream,
        ServerCallContext context)
    {
        var remote = context.Peer;
        Authenticate(context, remote);
        if (!streams.TryAcquire())
        {
            metrics.ConnectionRefused();
            DmEnvRpcLog.StreamRefused(logger, remote, streams.Max);
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"the server already serves {streams.Max} dm_env_rpc streams; try again later"));
        }
        metrics.ConnectionOpened();
        DmEnvRpcLog.StreamOpened(logger, remote);
        var agent = new AgentStream(sessions.Open(), metrics, logger, remote);
        try
        {
            using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
            while (await requestStream.MoveNext(ending.Token).ConfigureAwait(false))
            {
                var response = await agent.HandleAsync(requestStream.Current, ending.Token).ConfigureAwait(false);
                await responseStream.WriteAsync(response, ending.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "the server is shutting down"));
        }
        finally
        {
            await agent.DisposeAsync().ConfigureAwait(false);
            DmEnvRpcLog.StreamClosed(logger, remote, agent.Requests);
            metrics.ConnectionClosed();
            streams.Release();
        }
    }

    /// <summary>With tokens configured, a call without a valid one ends at once with UNAUTHENTICATED.</summary>
    private void Authenticate(ServerCallContext context, string? remote)
    {
        if (!tokens.IsEnabled)
        {
            return;
        }
        var (given, valid) = BearerToken.Check(tokens, context.RequestHeaders.GetValue("authorization"));
        if (valid)
        {
            return;
        }
        SecurityLog.GrpcRefused(logger, remote, given ? "a wrong token" : "no bearer token");
        throw new RpcException(new Status(StatusCode.Unauthenticated, given
            ? "the bearer token is not one this server accepts"
            : "this server requires a token: send the metadata authorization: Bearer <token> with the call"));
    }
}
