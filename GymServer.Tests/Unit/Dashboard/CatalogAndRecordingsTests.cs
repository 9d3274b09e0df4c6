using System.Text.Json;
using System.Text.Json.Nodes;
using Bunit;
using GymServer.Web.Components.Pages;

namespace GymServer.Tests.Unit.Dashboard;

/// <summary>The environments and recordings pages, from the real native registry and a media root on disk.</summary>
public sealed class CatalogAndRecordingsTests : IDisposable
{
    private readonly DirectoryInfo _media = Directory.CreateTempSubdirectory("gymserver-media-");

    public void Dispose() => _media.Delete(recursive: true);

    [Fact]
    public void TheEnvironmentsPageListsSpacesAndThresholds()
    {
        using var context = new DashboardTestContext();
        var page = context.Render<GymServer.Web.Components.Pages.Environments>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("tr[data-env]")));
        var cartPole = page.Find("tr[data-env='CartPole-v1']");
        Assert.Equal("native", cartPole.GetAttribute("data-backend"));
        Assert.Contains("Discrete", cartPole.TextContent, StringComparison.Ordinal);
        Assert.Contains("475", cartPole.TextContent, StringComparison.Ordinal);
        Assert.Contains("500", cartPole.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void TheEnvironmentsPageNamesTheGymnasiumReleaseAndMarksTaxiV3Deprecated()
    {
        using var context = new DashboardTestContext();
        var page = context.Render<GymServer.Web.Components.Pages.Environments>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("tr[data-env]")));
        var taxi3 = page.Find("tr[data-env='Taxi-v3']");
        Assert.Equal("Taxi-v4", taxi3.GetAttribute("data-deprecated-by"));
        Assert.Contains("deprecated", taxi3.ClassList);
        Assert.Contains("deprecated: use Taxi-v4", taxi3.TextContent, StringComparison.Ordinal);
        Assert.Contains("1.2.2", taxi3.TextContent, StringComparison.Ordinal);
        // Every other native id follows 1.4.0 and is not deprecated.
        var others = page.FindAll("tr[data-env]").Where(row => row.GetAttribute("data-env") != "Taxi-v3").ToList();
        Assert.All(others, row => Assert.Null(row.GetAttribute("data-deprecated-by")));
        Assert.All(others, row => Assert.Contains("1.4.0", row.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutAMediaRootTheRecordingsPageSaysSo()
    {
        using var context = new DashboardTestContext();
        var page = context.Render<Recordings>();
        Assert.NotNull(page.Find("[data-empty=recordings]"));
    }

    [Fact]
    public void RecordedEpisodesAreListedWithTheirVideo()
    {
        WriteIndex("abc123", Metadata("abc123", 8, "complete"), Metadata("abc123", 9, "failed"));
        using var context = new DashboardTestContext(_media.FullName);
        var page = context.Render<Recordings>();

        var section = page.Find("section[data-instance=abc123]");
        Assert.Contains("CartPole-v1", section.TextContent, StringComparison.Ordinal);
        Assert.Equal("/media/abc123/episode-000008.mp4", page.Find("tr[data-episode='8'] video").GetAttribute("src"));
        Assert.Equal("/media/abc123/episode-000008.png", page.Find("tr[data-episode='8'] video").GetAttribute("poster"));
        Assert.Empty(page.Find("tr[data-episode='9']").QuerySelectorAll("video"));
        Assert.Contains("failed", page.Find("tr[data-episode='9']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ASeedBeyond64BitsIsShownAsWritten()
    {
        // The recorder writes seeds as the JSON integers they are, and a Python int (so a seed) has no size limit.
        var episode = Metadata("big", 1, "complete");
        episode["seed"] = JsonNode.Parse("1180591620717411303424");
        WriteIndex("big", episode);
        using var context = new DashboardTestContext(_media.FullName);
        var page = context.Render<Recordings>();

        Assert.Empty(page.FindAll("section[data-instance=big] .error"));
        Assert.Contains("1180591620717411303424", page.Find("tr[data-episode='1']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnreadableIndexIsShownWithItsError()
    {
        Directory.CreateDirectory(Path.Combine(_media.FullName, "broken"));
        File.WriteAllText(Path.Combine(_media.FullName, "broken", "index.json"), "{\"instance\":");
        using var context = new DashboardTestContext(_media.FullName);
        var page = context.Render<Recordings>();
        Assert.Contains("index.json unreadable", page.Find("section[data-instance=broken] .error").TextContent, StringComparison.Ordinal);
    }

    private void WriteIndex(string instance, params Dictionary<string, object?>[] episodes)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_media.FullName, instance));
        var index = new Dictionary<string, object?> { ["instance"] = instance, ["env_id"] = "CartPole-v1", ["node"] = "node-a", ["episodes"] = episodes };
        File.WriteAllText(Path.Combine(folder.FullName, "index.json"), JsonSerializer.Serialize(index));
    }

    public static Dictionary<string, object?> Metadata(string instance, int episode, string status) => new()
    {
        ["env_id"] = "CartPole-v1",
        ["instance"] = instance,
        ["episode"] = episode,
        ["seed"] = 42,
        ["return"] = 21.0,
        ["length"] = 21,
        ["duration"] = 0.4,
        ["started_at"] = "2026-11-23T10:00:00Z",
        ["ended_at"] = "2026-11-23T10:00:01Z",
        ["node"] = "node-a",
        ["video"] = $"episode-{episode:D6}.mp4",
        ["frames"] = 22,
        ["thumbnail"] = $"episode-{episode:D6}.png",
        ["status"] = status,
    };
}
