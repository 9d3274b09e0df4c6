using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Python;
using GymServer.Engine.Sessions;
using GymServer.Protocol;
using GymServer.Protocol.V1;
using GymServer.Protocol.Values;
using GymServer.Web.Cluster.Messages;

namespace GymServer.Web.Cluster;

/// <summary>
/// Where a new env runs in a cluster. local-first: here, unless the local backend is full (pool_full), then the other
/// node with the most room. random / least-loaded: among every node with room, this one included. An env made here
/// is the backend's own instance (no grain call per step); one made elsewhere is a <see cref="RemoteEnvInstance"/>.
/// </summary>
public sealed class ClusterPlacement(
    GymClusterOptions options,
    ClusterDirectory directory,
    NodeLinks links,
    LocalNode local,
    ILogger<ClusterPlacement> logger) : IEnvPlacement
{
    public async ValueTask<IEnvInstance> MakeAsync(
        IEnvProvider provider,
        string id,
        string instanceId,
        IReadOnlyDictionary<string, JsonElement>? kwargs,
        IReadOnlyList<WrapperSpec> wrappers,
        string? renderMode,
        CancellationToken cancellationToken)
    {
        EnvException? full = null;
        var candidates = options.Placement == PlacementPolicies.LocalFirst
            ? [local.Silo, .. Rank(provider.Backend, directory.Others)]
            : Order(provider.Backend, [local.Snapshot(), .. directory.Others]);
        foreach (var silo in candidates)
        {
            try
            {
                return silo == local.Silo
                    ? await provider.MakeAsync(id, instanceId, kwargs, wrappers, renderMode, cancellationToken).ConfigureAwait(false)
                    : await MakeRemoteAsync(silo, $"{provider.Backend}:{id}", instanceId, kwargs, wrappers, renderMode).ConfigureAwait(false);
            }
            catch (EnvException error) when (error.Code is EnvErrorCodes.PoolFull or EnvErrorCodes.TooManyEnvs or EnvErrorCodes.NodeLost)
            {
                // That node is full (its pool, or its quota of envs) or gone: the next candidate may have room.
                full ??= error;
            }
        }
        return full is null
            ? await provider.MakeAsync(id, instanceId, kwargs, wrappers, renderMode, cancellationToken).ConfigureAwait(false)
            : throw new EnvException(EnvErrorCodes.PoolFull, $"no node of the cluster has room for {id}: {full.Message}");
    }

    private async Task<IEnvInstance> MakeRemoteAsync(
        string silo,
        string id,
        string instanceId,
        IReadOnlyDictionary<string, JsonElement>? kwargs,
        IReadOnlyList<WrapperSpec> wrappers,
        string? renderMode)
    {
        var link = links.Get(silo);
        var request = new RemoteMakeRequest(
            id, kwargs?.ToDictionary(pair => pair.Key, pair => pair.Value.GetRawText()), renderMode, local.Silo,
            wrappers.Count > 0 ? WrapperSpec.ToJson(wrappers) : null);
        RemoteMakeResponse made;
        try
        {
            made = await link.Grain.MakeAsync(request).WaitAsync(link.Lost).ConfigureAwait(false);
        }
        catch (Exception error) when (error is OrleansException or TimeoutException or OperationCanceledException)
        {
            throw new EnvException(EnvErrorCodes.NodeLost, $"node {silo} cannot be reached: {error.Message}");
        }
        if (made.Error is { } failed)
        {
            throw new EnvException(failed.Code, failed.Message);
        }
        ClusterLog.PlacedRemotely(logger, id, silo);
        return new RemoteEnvInstance(instanceId, link, made);
    }

    /// <summary>Other nodes with room for the backend, the roomiest first.</summary>
    private static IEnumerable<string> Rank(string backend, IEnumerable<NodeSnapshot> nodes) =>
        nodes.Where(node => HasRoom(backend, node))
            .OrderByDescending(node => backend == PythonEnvProvider.BackendName ? node.PythonFree : 0)
            .ThenBy(node => node.Envs + node.HostedEnvs)
            .Select(node => node.Silo);

    private IEnumerable<string> Order(string backend, IReadOnlyList<NodeSnapshot> nodes) =>
        options.Placement == PlacementPolicies.Random
            ? nodes.Where(node => HasRoom(backend, node)).OrderBy(_ => System.Random.Shared.Next()).Select(node => node.Silo)
            : Rank(backend, nodes);

    private static bool HasRoom(string backend, NodeSnapshot node) =>
        !node.Draining && (backend != PythonEnvProvider.BackendName || node.PythonFree > 0);
}
