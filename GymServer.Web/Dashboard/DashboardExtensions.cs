using GymServer.Engine.Nodes;
using GymServer.Web.Components;
using GymServer.Web.Health;
using GymServer.Web.Hubs;
using GymServer.Web.Metrics;
using GymServer.Web.Notices;
using Prometheus;

namespace GymServer.Web.Dashboard;

/// <summary>The read-only window on the node: Blazor dashboard, stats hub, Prometheus /metrics, health endpoints.</summary>
public static class DashboardExtensions
{
    public const string HubPath = "/hubs/stats";
    public const string MetricsPath = "/metrics";

    /// <summary>The dashboard's stylesheet in wwwroot: if the web root lacks it, the dashboard's files are elsewhere.</summary>
    private const string StyleSheet = "dashboard.css";

    public static WebApplicationBuilder AddGymDashboard(this WebApplicationBuilder builder)
    {
        UseBuildOutputAssets(builder);
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
    /// Serves the static web assets of a build output in every environment, not only in Development. A build (what
    /// <c>dotnet run -c Release</c> starts, in Production) leaves the assets where they were made: wwwroot in the
    /// project, the compressed copies under obj/, <c>_framework/blazor.web.js</c> in the NuGet cache; its
    /// <c>GymServer.Web.staticwebassets.runtime.json</c> maps them, and only this call reads that map (the host does
    /// it by itself in Development alone). Without it MapStaticAssets, which lists them all, answers 500 for each file
    /// it cannot find under the content root's wwwroot: no blazor.web.js, no live page, no styles. A publish output
    /// has every asset in its own wwwroot and no runtime map, so the call changes nothing there.
    /// </summary>
    private static void UseBuildOutputAssets(WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            builder.WebHost.UseStaticWebAssets();
        }
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

    /// <summary>
    /// A publish output started from another folder gets that folder as its content root, where no wwwroot is:
    /// MapStaticAssets then answers every asset with an empty 200. Said once at start, with the fix.
    /// </summary>
    private static void WarnIfAssetsMissing(WebApplication app)
    {
        if (!app.Environment.WebRootFileProvider.GetFileInfo(StyleSheet).Exists)
        {
            var webRoot = app.Environment.WebRootPath ?? Path.Combine(app.Environment.ContentRootPath, "wwwroot");
            DashboardLog.AssetsMissing(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DashboardExtensions)), webRoot, StyleSheet);
        }
    }

    public static WebApplication MapGymDashboard(this WebApplication app)
    {
        app.MapHealthChecks("/readyz", HealthResponse.Options(HealthTags.Ready));
        app.MapMetrics(MetricsPath, app.Services.GetRequiredService<GymMetrics>().Registry);
        app.MapHub<StatsHub>(HubPath);
        WarnIfAssetsMissing(app);
        app.MapStaticAssets();
        app.UseAntiforgery();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
