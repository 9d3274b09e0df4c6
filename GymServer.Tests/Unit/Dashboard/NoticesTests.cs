using Bunit;
using GymServer.Engine.Recording;
using GymServer.Web.Components.Layout;
using GymServer.Web.Components.Pages;
using GymServer.Web.Dashboard;
using GymServer.Web.Notices;

namespace GymServer.Tests.Unit.Dashboard;

/// <summary>The notices page, the layout's notice count, and the notices the node posts about itself.</summary>
public sealed class NoticesTests
{
    [Fact]
    public void WithoutNoticesThePageSaysNothingIsOff()
    {
        using var context = new DashboardTestContext();
        var page = context.Render<GymServer.Web.Components.Pages.Notices>();
        Assert.NotNull(page.Find("[data-empty=notices]"));
    }

    [Fact]
    public void PostedAndClearedNoticesShowLiveMostSevereFirst()
    {
        using var context = new DashboardTestContext();
        var page = context.Render<GymServer.Web.Components.Pages.Notices>();

        context.Board.Post("media.disk-cap", NoticeSeverity.Error, "Disk cap reached", "recording paused", "media");
        context.Board.Post("ffmpeg", NoticeSeverity.Warning, "No ffmpeg", "install it", "recording");
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-notice]").Count));
        Assert.Equal("media.disk-cap", page.FindAll("[data-notice]")[0].GetAttribute("data-notice"));
        Assert.Contains("error", page.Find("[data-notice='media.disk-cap']").ClassList);

        context.Board.Clear("media.disk-cap");
        context.Board.Clear("ffmpeg");
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-empty=notices]")));
    }

    [Fact]
    public void TheLayoutCountsNotices()
    {
        using var context = new DashboardTestContext();
        var layout = context.Render<MainLayout>();
        Assert.Equal("0", layout.Find("[data-notice-count]").TextContent);
        context.Board.Post("python", NoticeSeverity.Info, "Python envs are off", "Workers is 0", "python");
        layout.WaitForAssertion(() => Assert.Equal("1", layout.Find("[data-notice-count]").TextContent));
    }

    [Fact]
    public void TheNodePostsWhyPythonAndFfmpegAreOff()
    {
        var board = new NoticeBoard();
        var notices = new SystemNotices(board, new DashboardFeed());

        notices.CheckFfmpeg("/nonexistent-a:/nonexistent-b");
        notices.Update(new PythonSnapshot("Unavailable", "no module named gymnasium", 2, []));
        var current = board.Current();
        Assert.Equal(["python", "ffmpeg"], current.Select(notice => notice.Key));
        Assert.Equal(NoticeSeverity.Error, current[0].Severity);
        Assert.Contains("no module named gymnasium", current[0].Detail, StringComparison.Ordinal);

        notices.Update(new PythonSnapshot("Ready", null, 1, [new PythonWorkerSnapshot(0, 7, 0, 0, PythonWorkerSnapshot.ReadyState)]));
        Assert.Equal(["ffmpeg"], board.Current().Select(notice => notice.Key));
    }

    [Fact]
    public async Task VideoTurnedOffByTheRecorderIsPostedWithItsReason()
    {
        var board = new NoticeBoard();
        var status = new MediaStatus(Microsoft.Extensions.Logging.Abstractions.NullLogger<MediaStatus>.Instance);
        var notices = new SystemNotices(board, new DashboardFeed(), new MediaOptions { Ffmpeg = "/usr/bin/true" }, status);
        await notices.StartAsync(CancellationToken.None);
        Assert.DoesNotContain(board.Current(), notice => notice.Key == SystemNotices.VideoKey);

        status.TurnVideoOff("writing /media failed: no space left on device.");
        var video = Assert.Single(board.Current(), notice => notice.Key == SystemNotices.VideoKey);
        Assert.Contains("no space left on device", video.Detail, StringComparison.Ordinal);
        await notices.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void AConfiguredFfmpegPathThatDoesNotExistIsANotice()
    {
        var board = new NoticeBoard();
        var notices = new SystemNotices(board, new DashboardFeed(), new MediaOptions { Ffmpeg = "/nonexistent/ffmpeg" });
        notices.CheckFfmpeg("/usr/bin");
        Assert.Contains("/nonexistent/ffmpeg", Assert.Single(board.Current()).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void FfmpegOnThePathClearsItsNotice()
    {
        var directory = Directory.CreateTempSubdirectory("gymserver-path-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "ffmpeg"), "");
            var board = new NoticeBoard();
            var notices = new SystemNotices(board, new DashboardFeed());
            notices.CheckFfmpeg("/nonexistent");
            notices.CheckFfmpeg($"/nonexistent{Path.PathSeparator}{directory.FullName}");
            Assert.Empty(board.Current());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void RepostingTheSameNoticeDoesNotSignalAChange()
    {
        var board = new NoticeBoard();
        var changes = 0;
        board.Changed += () => changes++;
        board.Post("k", NoticeSeverity.Info, "t", "d", "s");
        board.Post("k", NoticeSeverity.Info, "t", "d", "s");
        board.Post("k", NoticeSeverity.Warning, "t", "d", "s");
        board.Clear("other");
        Assert.Equal(2, changes);
    }
}
