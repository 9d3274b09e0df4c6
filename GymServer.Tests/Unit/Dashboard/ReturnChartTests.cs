using Bunit;
using GymServer.Web.Components.Shared;
using GymServer.Web.Dashboard;

namespace GymServer.Tests.Unit.Dashboard;

/// <summary>The SVG return chart: where points land, the moving average, the threshold, the empty chart.</summary>
public sealed class ReturnChartTests
{
    [Fact]
    public void PointsSpanThePlotFromFirstToLastEpisode()
    {
        using var context = new DashboardTestContext();
        ReturnPoint[] points = [new(0, 0), new(1, 10), new(2, 20)];
        var chart = context.Render<ReturnChart>(parameters => parameters
            .Add(chart => chart.InstanceId, "x").Add(chart => chart.Points, points));

        // 360 x 160 with 36 of padding: episode 0 at x 36, episode 2 at x 324; return 0 at y 124, 20 at y 36.
        Assert.Equal("36,124 180,80 324,36", chart.Find("polyline.returns").GetAttribute("points"));
        // The trailing mean: 0, 5, 10.
        Assert.Equal("36,124 180,102 324,80", chart.Find("polyline.average").GetAttribute("points"));
        Assert.Empty(chart.FindAll("line.threshold"));
        Assert.Contains("ep 2", chart.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void TheThresholdWidensTheRangeAndIsDrawn()
    {
        using var context = new DashboardTestContext();
        ReturnPoint[] points = [new(0, 0), new(1, 10)];
        var chart = context.Render<ReturnChart>(parameters => parameters
            .Add(chart => chart.InstanceId, "x").Add(chart => chart.Points, points).Add(chart => chart.RewardThreshold, 20.0));
        Assert.Equal("36", chart.Find("line.threshold").GetAttribute("y1"));
        Assert.Equal("36,124 324,80", chart.Find("polyline.returns").GetAttribute("points"));
    }

    [Fact]
    public void AChartWithoutPointsSaysSo()
    {
        using var context = new DashboardTestContext();
        var chart = context.Render<ReturnChart>(parameters => parameters.Add(chart => chart.InstanceId, "x").Add(chart => chart.Points, []));
        Assert.Empty(chart.FindAll("svg"));
        Assert.Contains("No finished episode yet", chart.Markup, StringComparison.Ordinal);
    }
}
