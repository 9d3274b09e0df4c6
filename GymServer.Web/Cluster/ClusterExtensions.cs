using System.Net;
using GymServer.Engine.Nodes;
using GymServer.Engine.Sessions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using StackExchange.Redis;

namespace GymServer.Web.Cluster;

/// <summary>
/// Makes the node a silo of a GymServer cluster when <c>Gym:Cluster:Enabled</c> is true; otherwise registers only
/// the single-node directory, and no Orleans type is ever constructed.
/// </summary>
public static class ClusterExtensions
{
    public static WebApplicationBuilder AddGymCluster(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(GymClusterOptions.SectionName).Get<GymClusterOptions>() ?? new GymClusterOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<LocalNode>();
        if (!options.Enabled)
        {
            builder.Services.AddSingleton<INodeDirectory, SingleNodeDirectory>();
            return builder;
        }
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(GymClusterOptions.SectionName, typeof(GymClusterOptions), problems);
        }

        builder.Services.AddSingleton<HostedEnvs>();
        builder.Services.AddSingleton<NodeLinks>();
        builder.Services.AddSingleton<ClusterDirectory>();
        builder.Services.AddSingleton<INodeDirectory>(services => services.GetRequiredService<ClusterDirectory>());
        builder.Services.AddSingleton<IEnvPlacement, ClusterPlacement>();
        builder.Services.AddHostedService<ClusterLifecycle>();

        var hostedBefore = builder.Services.Where(IsHostedService).ToList();
        builder.UseOrleans(silo => ConfigureSilo(silo, options));
        StartAfterKestrel(builder, [.. builder.Services.Where(IsHostedService).Except(hostedBefore)]);
        return builder;
    }

    private static void ConfigureSilo(ISiloBuilder silo, GymClusterOptions options)
    {
        var address = IPAddress.Parse(options.AdvertisedAddress);
        var siloPort = options.SiloPort == 0 ? FreePort.Pick(address) : options.SiloPort;
        var gatewayPort = options.GatewayPort == 0 ? FreePort.Pick(address) : options.GatewayPort;
        if (options.Membership == ClusterMembershipKinds.Localhost)
        {
            var primary = new IPEndPoint(IPAddress.Loopback, options.PrimarySiloPort ?? siloPort);
            silo.UseLocalhostClustering(siloPort, gatewayPort, primary, options.ServiceId, options.ClusterId);
        }
        else
        {
            silo.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = options.ClusterId;
                cluster.ServiceId = options.ServiceId;
            });
            silo.ConfigureEndpoints(address, siloPort, gatewayPort);
            silo.UseRedisClustering(redis => redis.ConfigurationOptions = ConfigurationOptions.Parse(options.Redis!));
        }
        silo.Services.AddOptions<SiloOptions>().Configure<NodeIdentity>((silo, node) => silo.SiloName = node.Name);
        silo.Configure<ClusterMembershipOptions>(membership =>
        {
            // A killed node must be declared dead within a few seconds (sessions on it get node_lost then), while a
            // merely busy one must not be: probes are answered off the env path, on Orleans' own threads, and a
            // node needs MissedProbesLimit misses in a row, each ProbeTimeout long, before it votes.
            membership.ProbeTimeout = options.ProbeTimeout;
            membership.NumMissedProbesLimit = options.MissedProbesLimit;
            membership.TableRefreshTimeout = TimeSpan.FromSeconds(2);
            membership.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
            membership.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(10);
        });
        silo.Configure<SiloMessagingOptions>(messaging =>
        {
            // A slow env step (a Python env may take up to Gym:Python:CallTimeout) is not a lost node: wait longer
            // than that before a call times out and its session gets node_lost. Dead nodes are found by membership.
            messaging.ResponseTimeout = TimeSpan.FromMinutes(2);
        });
                silo.Services.AddPlacementDirector<NodeKeyPlacement, NodeKeyPlacementDirector>();
    }

    /// <summary>
    /// Orleans joins the cluster when its hosted services start. WebApplicationBuilder adds Kestrel's hosted service
    /// after every service registered on the builder, so Orleans would join before the TCP and HTTP ports are bound.
    /// Container callbacks run after Kestrel's is added: moving Orleans' services to the end there makes the host
    /// bind first, and a node that cannot bind its ports fails to start without ever joining.
    /// </summary>
    private static void StartAfterKestrel(WebApplicationBuilder builder, IReadOnlyList<ServiceDescriptor> orleans)
    {
        foreach (var descriptor in orleans)
        {
            builder.Services.Remove(descriptor);
        }
        builder.Host.ConfigureContainer<IServiceCollection>(services =>
        {
            foreach (var descriptor in orleans)
            {
                services.Add(descriptor);
            }
        });
    }

    private static bool IsHostedService(ServiceDescriptor descriptor) => descriptor.ServiceType == typeof(IHostedService);
}
