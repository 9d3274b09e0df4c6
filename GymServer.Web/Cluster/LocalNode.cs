using GymServer.Engine.Nodes;
using GymServer.Engine.Python;
using GymServer.Engine.Sessions;
using GymServer.Web.Cluster.Messages;

namespace GymServer.Web.Cluster;

/// <summary>This node: its identity, silo address (empty when the cluster is off) and its snapshot, taken on request.</summary>
public sealed class LocalNode(
    GymClusterOptions options,
    NodeIdentity identity,
    PythonWorkerPool pool,
    NodeActivity activity,
    IServiceProvider services)
{
    private string? _silo;

    /// <summary>The silo address in parsable form, the key of this node's grain.</summary>
    public string Silo => _silo ??= options.Enabled
        ? services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString()
        : "";

    public string TcpEndpoint => identity.Address;

    public string Name => identity.Name;

    public NodeSnapshot Snapshot()
    {
        var status = pool.GetStatus();
        var slots = 0;
        var free = 0;
        if (status.State == PythonPoolState.Ready)
        {
            var max = pool.Options.MaxEnvsPerWorker;
            foreach (var worker in status.Workers.Where(worker => worker.Pid is not null))
            {
                slots += max;
                free += Math.Max(0, max - worker.Envs);
            }
        }
        var hosted = services.GetService<HostedEnvs>();
        return new NodeSnapshot(
            Name, Silo, TcpEndpoint, slots, free,
            activity.EnvsByBackend().Values.Sum(), hosted?.Count ?? 0,
            activity.Sessions, activity.Steps, hosted?.Draining ?? false, DateTimeOffset.UtcNow);
    }
}
