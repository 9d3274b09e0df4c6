using GymServer.Engine.Environments;
using GymServer.Engine.Nodes;
using GymServer.Engine.Python;
using GymServer.Engine.Sessions;
using GymServer.Web.Admission;
using GymServer.Web.Api;
using GymServer.Web.Cluster;
using GymServer.Web.DmEnvRpc;
using GymServer.Web.Health;
using GymServer.Web.Dashboard;
using GymServer.Web.Presets;
using GymServer.Web.Security;
using GymServer.Web.Tcp;
using Microsoft.Extensions.Options;

namespace GymServer.Web;

/// <summary>The server's composition: engine, TCP protocol, HTTP endpoints. Program.cs calls these.</summary>
public static class GymServerExtensions
{
    /// <summary>How long shutdown waits for connections and envs to close.</summary>
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    public static WebApplicationBuilder AddGymServer(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownTimeout);
        builder.Services.AddGymEngine();
        builder.Services.AddSingleton(NewNodeIdentity);
        builder.Services.AddSingleton(builder.Configuration.GetSection("Gym:Envs").Get<EnvCatalogOptions>() ?? new EnvCatalogOptions());
        // Registered before the TCP listener: the host starts the pool (and waits for its workers) before it listens.
        builder.Services.AddGymPython(builder.Configuration);
        builder.Services.AddGymPresets(builder.Configuration);
        builder.Services.AddHealthChecks().AddCheck<PythonPoolHealthCheck>("python", tags: [HealthTags.Live]);
        builder.Services.AddGymMedia(builder.Configuration);
        builder.AddGymAdmission();
        builder.AddGymTcp();
        builder.AddGymDmEnvRpc();
        builder.Services.AddGymAuth(builder.Configuration);
        builder.AddGymDashboard();
        builder.AddGymRest();
        builder.AddGymCluster();
        return builder;
    }

    /// <summary>The env backends and the catalog that resolves ids over them (native first unless configured).</summary>
    public static IServiceCollection AddGymEngine(this IServiceCollection services)
    {
        services.AddSingleton(_ => NativeEnvironments.CreateRegistry());
        services.AddSingleton<NodeActivity>();
        services.AddSingleton<IEnvProvider, NativeEnvProvider>();
        services.AddSingleton(provider => new EnvCatalog(
            provider.GetServices<IEnvProvider>(),
            provider.GetService<EnvCatalogOptions>(),
            provider.GetService<IEnvPlacement>(),
            provider.GetService<EnvPresets>()));
        return services;
    }

    /// <summary>This node's name and address, from its settings (<see cref="NodeIdentity.Resolve"/> says why the name is fixed at start).</summary>
    private static NodeIdentity NewNodeIdentity(IServiceProvider services)
    {
        var cluster = services.GetRequiredService<GymClusterOptions>();
        var tcp = services.GetRequiredService<IOptions<GymTcpOptions>>().Value;
        var endpoints = services.GetRequiredService<TcpEndpoints>();
        return NodeIdentity.Resolve(
            nodeName: services.GetRequiredService<IOptions<NodeOptions>>().Value.Name,
            clusterNodeName: cluster.NodeName,
            clustered: cluster.Enabled,
            host: cluster.Enabled ? cluster.AdvertisedAddress : tcp.Address,
            configuredPort: tcp.Port,
            boundPort: () => endpoints.EndPoints is [System.Net.IPEndPoint { Port: > 0 } bound, ..] ? bound.Port : null);
    }

    public static WebApplication MapGymServer(this WebApplication app)
    {
        // First: it keeps the dm_env_rpc port to the gRPC service, before anything else can answer there.
        app.MapGymDmEnvRpc();
        app.MapHealthChecks("/healthz", HealthResponse.Options(HealthTags.Live));
        app.MapGymMedia();
        app.UseGymTcp();
        app.MapGymDashboard();
        app.MapGymRest();
        app.MapGymCluster();
        return app;
    }
}
