using Bunit;
using GymServer.Web.Components.Pages;
using GymServer.Web.Components.Shared;
using GymServer.Web.Dashboard;

namespace GymServer.Tests.Unit.Dashboard;

/// <summary>The overview page and its node card: figures, Python workers, live snapshots.</summary>
public sealed class OverviewTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static NodeSnapshot Snapshot(long episodes, params PythonWorkerSnapshot[] workers) => new(
        "node-a", Now, Now.AddHours(-26), Connections: 3, Sessions: 2,
        new Dictionary<string, long> { ["native"] = 5, ["python"] = 1 }, Steps: 12345, episodes, StepsPerSecond: 456.7,
        EpisodesPerSecond: 1.5, new PythonSnapshot("Ready", null, workers.Length, workers),
        new ReplyQueueSnapshot(QueuedBytes: 3 * 1048576 / 2, NodeCapacity: 256L * 1048576, PausedConnections: 4, StalledCloses: 2));

    [Fact]
    public void ANodeCardShowsTheNodesFiguresAndWorkers()
    {
        using var context = new DashboardTestContext();
        var card = context.Render<NodeCard>(parameters => parameters.Add(card => card.Snapshot, Snapshot(
            42,
            new PythonWorkerSnapshot(0, 101, 0, 0, PythonWorkerSnapshot.ReadyState),
            new PythonWorkerSnapshot(1, 102, 1, 0, PythonWorkerSnapshot.BusyState),
            new PythonWorkerSnapshot(2, null, 0, 3, PythonWorkerSnapshot.RestartingState))));

        Assert.Equal("3", card.Find("[data-stat=connections]").TextContent);
        Assert.Equal("2", card.Find("[data-stat=sessions]").TextContent);
        Assert.Equal("6", card.Find("[data-stat=envs]").TextContent);
        Assert.Equal("12,345", card.Find("[data-stat=steps]").TextContent);
        Assert.Equal("457", card.Find("[data-stat=steps-per-second]").TextContent);
        Assert.Equal("42", card.Find("[data-stat=episodes]").TextContent);
        Assert.Equal("1.5 MiB of 256.0 MiB", card.Find("[data-stat=queued-replies]").TextContent);
        Assert.Equal("4", card.Find("[data-stat=paused-connections]").TextContent);
        Assert.Equal("2", card.Find("[data-stat=stalled-closes]").TextContent);
        Assert.Contains("1d 02:00:00", card.Find("h2").TextContent, StringComparison.Ordinal);
        Assert.Contains("5", card.Find("[data-backend=native]").TextContent, StringComparison.Ordinal);
        Assert.Equal("1 ready", card.Find("[data-workers=ready]").TextContent);
        Assert.Equal("1 busy", card.Find("[data-workers=busy]").TextContent);
        Assert.Equal("1 restarting", card.Find("[data-workers=restarting]").TextContent);
        var restarting = card.Find("tr.restarting").TextContent;
        Assert.Contains("–", restarting, StringComparison.Ordinal);
        Assert.Contains("3", restarting, StringComparison.Ordinal);
    }

    [Fact]
    public void ANodeCardShowsThePythonSharedMemoryWhenItIsOn()
    {
        using var context = new DashboardTestContext();
        var worker = new PythonWorkerSnapshot(0, 101, 3, 0, PythonWorkerSnapshot.BusyState);
        var on = Snapshot(1, worker) with
        {
            Python = new PythonSnapshot("Ready", null, 1, [worker]) { SharedMemoryBytes = 12L << 20, SharedMemoryCapacity = 256L << 20 },
        };
        var card = context.Render<NodeCard>(parameters => parameters.Add(card => card.Snapshot, on));
        Assert.Equal("shared memory 12 of 256 MiB", card.Find("[data-shared-memory]").TextContent);

        var off = context.Render<NodeCard>(parameters => parameters.Add(card => card.Snapshot, Snapshot(1, worker)));
        Assert.Empty(off.FindAll("[data-shared-memory]"));
    }

    [Fact]
    public void ANodeWithoutEnvsOrWorkersSaysSo()
    {
        using var context = new DashboardTestContext();
        var empty = Snapshot(0) with { EnvsByBackend = new Dictionary<string, long>(), Python = new PythonSnapshot("Disabled", null, 0, []) };
        var card = context.Render<NodeCard>(parameters => parameters.Add(card => card.Snapshot, empty));
        Assert.Contains("No env has been opened yet", card.Markup, StringComparison.Ordinal);
        Assert.Contains("No Python workers (Gym:Python:Workers is 0)", card.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void EachWorkerShowsItsMemoryAndCpuShare()
    {
        using var context = new DashboardTestContext();
        var card = context.Render<NodeCard>(parameters => parameters.Add(card => card.Snapshot, Snapshot(
            1,
            new PythonWorkerSnapshot(0, 101, 2, 0, PythonWorkerSnapshot.BusyState, ResidentBytes: 150 * 1048576L + 524288, CpuShare: 0.374),
            new PythonWorkerSnapshot(1, 102, 0, 0, PythonWorkerSnapshot.ReadyState, ResidentBytes: 60 * 1048576L, CpuShare: null))));

        Assert.Equal("150.5 MiB", card.Find("tr[data-slot='0'] [data-usage=memory]").TextContent);
        Assert.Equal("37%", card.Find("tr[data-slot='0'] [data-usage=cpu]").TextContent);
        Assert.Equal("60.0 MiB", card.Find("tr[data-slot='1'] [data-usage=memory]").TextContent);
        Assert.Equal("–", card.Find("tr[data-slot='1'] [data-usage=cpu]").TextContent);
    }

    [Fact]
    public void AnUnavailablePoolSaysWhyInsteadOfListingWorkers()
    {
        using var context = new DashboardTestContext();
        var unavailable = Snapshot(0) with { Python = new PythonSnapshot("Unavailable", "no gymnasium for 'python3'", 4, []) };
        var card = context.Render<NodeCard>(parameters => parameters.Add(card => card.Snapshot, unavailable));
        Assert.Equal("Python envs unavailable: no gymnasium for 'python3'", card.Find("[data-python-unavailable]").TextContent);
        Assert.Empty(card.FindAll("table.workers"));
        Assert.DoesNotContain("restarting", card.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void TheOverviewFollowsPublishedSnapshots()
    {
        using var context = new DashboardTestContext();
        var page = context.Render<Overview>();
        Assert.Equal("0", page.Find("[data-stat=episodes]").TextContent);
        Assert.Equal("node-a", page.Find("[data-node]").GetAttribute("data-node"));

        context.Feed.Publish(Snapshot(7));
        page.WaitForAssertion(() => Assert.Equal("7", page.Find("[data-stat=episodes]").TextContent));
    }

    [Fact]
    public void TheOverviewStopsListeningWhenDisposed()
    {
        using var context = new DashboardTestContext();
        var page = context.Render<Overview>();
        page.Instance.Dispose();
        // A disposed page must not be re-rendered: publishing after disposal changes nothing.
        context.Feed.Publish(Snapshot(9));
        Assert.Equal("0", page.Find("[data-stat=episodes]").TextContent);
    }
}
