using Bunit;
using GymServer.Web.Components.Pages;
using GymServer.Web.Dashboard;

namespace GymServer.Tests.Unit.Dashboard;

/// <summary>The live episodes page: empty state, the episodes already ended, live batches, one chart per instance.</summary>
public sealed class EpisodesPageTests
{
    [Fact]
    public void WithoutEpisodesThePageSaysSo()
    {
        using var context = new DashboardTestContext();
        var page = context.Render<Episodes>();
        Assert.NotNull(page.Find("[data-empty=episodes]"));
        Assert.Empty(page.FindAll("svg"));
    }

    [Fact]
    public void EpisodesAlreadyEndedAreShownAtOnce()
    {
        using var context = new DashboardTestContext();
        context.Activity.OnEpisodeEnded(DashboardTestContext.Episode("a", 0, 12));
        context.Activity.OnEpisodeEnded(DashboardTestContext.Episode("a", 1, 30));
        var page = context.Render<Episodes>();
        Assert.Equal(2, page.FindAll("[data-episode-row]").Count);
        // Newest first.
        Assert.Contains("30", page.FindAll("[data-episode-row]")[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("2", page.Find("figure[data-instance=a] [data-points]").GetAttribute("data-points"));
    }

    [Fact]
    public void LiveBatchesAddRowsAndChartPointsWithoutDuplicates()
    {
        using var context = new DashboardTestContext();
        context.Activity.OnEpisodeEnded(DashboardTestContext.Episode("a", 0, 10));
        var page = context.Render<Episodes>();

        // The batch repeats episode 0 (it ended between the page's first read and its subscription).
        context.Feed.Publish(new EpisodeBatch("node-a", DateTimeOffset.UtcNow,
            [DashboardTestContext.Episode("a", 0, 10), DashboardTestContext.Episode("a", 1, 20), DashboardTestContext.Episode("b", 0, 99, "Acrobot-v1")], 0));

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-episode-row]").Count));
        Assert.Equal("2", page.Find("figure[data-instance=a] [data-points]").GetAttribute("data-points"));
        Assert.Equal("1", page.Find("figure[data-instance=b] [data-points]").GetAttribute("data-points"));
        // CartPole-v1's reward threshold (475) is drawn on its chart; Acrobot's (-100) too.
        Assert.Contains("threshold 475", page.Find("figure[data-instance=a]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRecentListIsBounded()
    {
        using var context = new DashboardTestContext();
        var page = context.Render<Episodes>();
        var many = Enumerable.Range(0, EpisodeHistory.MaxRecent + 20).Select(i => DashboardTestContext.Episode("a", i, i)).ToList();
        context.Feed.Publish(new EpisodeBatch("node-a", DateTimeOffset.UtcNow, many, 0));
        page.WaitForAssertion(() => Assert.Equal(EpisodeHistory.MaxRecent, page.FindAll("[data-episode-row]").Count));
    }
}
