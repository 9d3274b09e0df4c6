using GymServer.Engine.Nodes;
using GymServer.Web.Components;
using GymServer.Web.Health;
using GymServer.Web.Hubs;
using GymServer.Web.Metrics;
using GymServer.Web.Notices;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Prometheus;

namespace GymServer.Web.Dashboard;

/// <summary>The read-only window on the node: Blazor dashboard, stats hub, Prometheus /metrics, health endpoints.</summary>
public static class DashboardExtensions
{
    public const string HubPath = "/hubs/stats";
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddGymDashboard(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new GymMetrics(NewRegistry(builder.Configuration, provider.GetRequiredService<NodeIdentity>())));
        services.AddSingleton<NodeMetricsCollector>();
        services.AddHostedService(provider => provider.GetRequiredService<NodeMetricsCollector>());
        services.AddSingleton<NodeSnapshotSource>();
        services.AddSingleton<DashboardFeed>();
        services.AddSingleton<NoticeBoard>();
        services.AddSingleton<CatalogDescriber>();
        services.AddHostedService<SystemNotices>();
        services.AddHostedService<StatsBroadcaster>();
        services.AddSignalR();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddHealthChecks()
            .AddCheck<PythonWorkersReadyCheck>("python-workers", tags: [HealthTags.Ready])
            .AddCheck<TcpListenerHealthCheck>("tcp-listener", tags: [HealthTags.Ready]);
        return builder;
    }

    /// <summary>
    /// The host's Prometheus registry. In a cluster every series carries a <c>node</c> label, the node's name, so one
    /// Prometheus can scrape every node.
    /// </summary>
    private static Prometheus.CollectorRegistry NewRegistry(IConfiguration configuration, NodeIdentity node)
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();
        if (configuration.GetValue<bool>("Gym:Cluster:Enabled"))
        {
            registry.SetStaticLabels(new Dictionary<string, string> { ["node"] = node.Name });
        }
        return registry;
    }

    public static WebApplication MapGymDashboard(this WebApplication app)
    {
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Ready) });
        app.MapMetrics(MetricsPath, app.Services.GetRequiredService<GymMetrics>().Registry);
        app.MapHub<StatsHub>(HubPath);
        app.MapStaticAssets();
        app.UseAntiforgery();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
