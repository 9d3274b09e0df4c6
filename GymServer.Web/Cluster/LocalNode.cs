using GymServer.Engine.Python;
using GymServer.Engine.Sessions;
using GymServer.Web.Cluster.Messages;
using GymServer.Web.Tcp;
using Microsoft.Extensions.Options;

namespace GymServer.Web.Cluster;

/// <summary>This node: its name, silo address (empty when the cluster is off) and its snapshot, taken on request.</summary>
public sealed class LocalNode(
    GymClusterOptions options,
    IOptions<GymTcpOptions> tcp,
    TcpEndpoints endpoints,
    PythonWorkerPool pool,
    NodeActivity activity,
    IServiceProvider services)
{
    private string? _silo;

    /// <summary>The silo address in parsable form, the key of this node's grain.</summary>
    public string Silo => _silo ??= options.Enabled
        ? services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString()
        : "";

    public string TcpEndpoint
    {
        get
        {
            var port = endpoints.Port > 0 ? endpoints.Port : tcp.Value.Port;
            return $"{(options.Enabled ? options.AdvertisedAddress : tcp.Value.Address)}:{port}";
        }
    }

    public string Name => options.NodeName ?? TcpEndpoint;

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
