using Bunit;
using GymServer.Engine.Environments;
using GymServer.Engine.Nodes;
using GymServer.Engine.Python;
using GymServer.Engine.Recording;
using GymServer.Engine.Sessions;
using GymServer.Web.Dashboard;
using GymServer.Web.Metrics;
using GymServer.Web.Notices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GymServer.Tests.Unit.Dashboard;

/// <summary>
/// A bUnit context with the dashboard's real services (node activity, feed, notices, recordings under a media root
/// of the test's choosing); the Python pool is the real one, disabled (Workers = 0), never started.
/// </summary>
public sealed class DashboardTestContext : BunitContext
{
    public DashboardTestContext(string? mediaRoot = null)
    {
        var registry = NativeEnvironments.CreateRegistry();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(registry);
        Services.AddSingleton(new EnvCatalog([new NativeEnvProvider(registry)]));
        Services.AddSingleton(Activity);
        Services.AddSingleton(Metrics);
        Services.AddSingleton(new PythonWorkerPool(Options.Create(new PythonOptions { Workers = 0 }), NullLogger<PythonWorkerPool>.Instance));
        Services.AddSingleton(new NodeIdentity("node-a", () => "127.0.0.1:4040"));
        Services.AddSingleton(new GymServer.Web.Tcp.ReplyMemory(perConnection: 4 << 20, node: 256 << 20));
        Services.AddSingleton<NodeSnapshotSource>();
        Services.AddSingleton(Feed);
        Services.AddSingleton(Board);
        Services.AddSingleton(new MediaOptions
        {
            Root = mediaRoot ?? Path.Combine(Path.GetTempPath(), "gymserver-no-media-" + Guid.NewGuid().ToString("N")),
        });
        Services.AddSingleton<MediaStatus>();
        Services.AddSingleton<MediaLibrary>();
        Services.AddSingleton<CatalogDescriber>();
    }

    public NodeActivity Activity { get; } = new();

    public GymMetrics Metrics { get; } = new(Prometheus.Metrics.NewCustomRegistry());

    public DashboardFeed Feed { get; } = new();

    public NoticeBoard Board { get; } = new();

    public static EpisodeRecord Episode(string instance, long index, double ret, string envId = "CartPole-v1") =>
        new(instance, envId, "native", index, ret, (long)ret, 0.25, DateTimeOffset.UtcNow);
}
