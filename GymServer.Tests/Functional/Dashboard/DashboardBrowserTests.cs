using System.Globalization;
using OpenQA.Selenium;

namespace GymServer.Tests.Functional.Dashboard;

/// <summary>
/// The dashboard in a real headless chromium against the real host, while an agent plays CartPole over TCP.
/// Screenshots are saved as test artifacts (see <see cref="HeadlessChromium.SaveScreenshot"/>).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardBrowserTests
{
    /// <summary>Episodes over which the agent's policy goes from random to balancing: the chart shows it learn.</summary>
    internal const int LearningEpisodes = 40;

    [Fact]
    public async Task TheEpisodeCountRisesWithoutReload()
    {
        using var media = new MediaFixture();
        await using var server = GymServerFactory.With(new Dictionary<string, string?> { ["Gym:Media:Root"] = media.Path });
        using var stop = new CancellationTokenSource();
        var agent = PlayUntilStoppedAsync(server.TcpPort, stop.Token);
        using var browser = HeadlessChromium.Start();
        try
        {
            browser.WebDriver.Navigate().GoToUrl(server.HttpAddress);
            browser.WaitFor(driver => driver.FindElement(By.CssSelector("[data-stat=episodes]")), "the overview's episode count");
            // Survives only if the page is never reloaded.
            browser.WebDriver.ExecuteScript("window.gymServerNoReload = true;");

            long first = 0;
            browser.WaitFor(_ => EpisodeCount(browser) is { } count && (first = count) > 0, "a first episode on the overview");
            browser.WaitFor(_ => EpisodeCount(browser) > first, $"the episode count to rise past {first}");
            Assert.Equal(true, browser.WebDriver.ExecuteScript("return window.gymServerNoReload === true;"));
            browser.SaveScreenshot("dashboard-overview.png");

            browser.WebDriver.FindElement(By.CssSelector("a[href='episodes']")).Click();
            browser.WaitFor(driver => driver.FindElements(By.CssSelector("figure.chart polyline.returns")).Count > 0, "a return chart");
            browser.WaitFor(driver => driver.FindElements(By.CssSelector("[data-episode-row]")).Count > 0, "episode rows");
            // The chart grows live too; once it spans the learning phase it makes the screenshot the README shows.
            browser.WaitFor(driver => int.Parse(driver.FindElement(By.CssSelector("figure.chart [data-points]")).GetAttribute("data-points")!,
                CultureInfo.InvariantCulture) >= LearningEpisodes + 10, "the chart to span the learning phase");
            Assert.Equal(true, browser.WebDriver.ExecuteScript("return window.gymServerNoReload === true;"));
            browser.SaveScreenshot("dashboard-episodes.png");
        }
        finally
        {
            await stop.CancelAsync();
            await agent;
        }
    }

    [Fact]
    public async Task TheRecordingsPageListsTheRecordedVideo()
    {
        using var media = new MediaFixture();
        await using var server = GymServerFactory.With(new Dictionary<string, string?> { ["Gym:Media:Root"] = media.Path });
        using var browser = HeadlessChromium.Start();
        browser.WebDriver.Navigate().GoToUrl(new Uri(server.HttpAddress, "/recordings"));
        // Found and read in one step: once the circuit starts, Blazor replaces the prerendered element (a stale
        // reference is retried).
        var source = browser.WaitFor(
            driver => driver.FindElement(By.CssSelector($"section[data-instance={MediaFixture.Instance}] video")).GetAttribute("src"),
            "the recorded video");
        Assert.EndsWith($"/media/{MediaFixture.Instance}/{MediaFixture.Video}", source, StringComparison.Ordinal);
        browser.SaveScreenshot("dashboard-recordings.png");
    }

    [Fact]
    public async Task TheRecordingsPagePlaysTheVideo()
    {
        using var media = new MediaFixture();
        await using var server = GymServerFactory.With(new Dictionary<string, string?> { ["Gym:Media:Root"] = media.Path });
        using var browser = HeadlessChromium.Start();
        browser.WebDriver.Navigate().GoToUrl(new Uri(server.HttpAddress, "/recordings"));
        const string Video = $"section[data-instance={MediaFixture.Instance}] video";
        browser.WaitFor(driver => driver.FindElement(By.CssSelector(Video)), "the recorded video");
        // Playing means the browser fetched the MP4 over /media, decoded it and moved its clock. play() is asked
        // again while paused: once the circuit starts, Blazor replaces the prerendered element with a fresh one.
        browser.WaitFor(driver => Convert.ToDouble(((IJavaScriptExecutor)driver).ExecuteScript(
            $"const video = document.querySelector(\"{Video}\"); if (video.paused) {{ video.play(); }} return video.currentTime;"),
            CultureInfo.InvariantCulture) > 0.5, "the video to play past half a second");
        var error = browser.WebDriver.ExecuteScript($"return document.querySelector(\"{Video}\").error;");
        Assert.Null(error);
        browser.SaveScreenshot("dashboard-recordings-playing.png");
    }

    [Fact]
    public async Task TheEnvironmentsPageMarksTaxiV3DeprecatedAndNamesEachGymnasiumRelease()
    {
        await using var server = new GymServerFactory();
        using var browser = HeadlessChromium.Start();
        browser.WebDriver.Navigate().GoToUrl(new Uri(server.HttpAddress, "/environments"));
        // Read in one step, as the circuit may replace the prerendered rows between a find and a read.
        var taxi3 = browser.WaitFor(
            driver => driver.FindElement(By.CssSelector("tr[data-env='Taxi-v3'][data-deprecated-by='Taxi-v4']")).Text,
            "Taxi-v3's row marked deprecated");
        Assert.Contains("deprecated: use Taxi-v4", taxi3, StringComparison.Ordinal);
        Assert.Contains("1.2.2", taxi3, StringComparison.Ordinal);
        var taxi4 = browser.WaitFor(driver => driver.FindElement(By.CssSelector("tr[data-env='Taxi-v4']")).Text, "Taxi-v4's row");
        Assert.Contains("1.4.0", taxi4, StringComparison.Ordinal);
        Assert.DoesNotContain("deprecated", taxi4, StringComparison.Ordinal);
        Assert.Single(browser.WebDriver.FindElements(By.CssSelector("tr[data-deprecated-by]")));
        browser.WebDriver.ExecuteScript("document.querySelector(\"tr[data-env='Taxi-v3']\").scrollIntoView({block: 'center'});");
        browser.SaveScreenshot("dashboard-environments.png");
    }

    [Fact]
    public async Task TheEnvironmentsPageListsPresetsWithTheirWrappersAndWrappedSpaces()
    {
        await using var server = GymServerFactory.With(new Dictionary<string, string?>
        {
            ["Gym:Envs:Presets:CartPoleNorm-v1:id"] = "CartPole-v1",
            ["Gym:Envs:Presets:CartPoleNorm-v1:wrappers:0:name"] = "NormalizeObservation",
            ["Gym:Envs:Presets:CartPoleNorm-v1:wrappers:1:name"] = "FrameStackObservation",
            ["Gym:Envs:Presets:CartPoleNorm-v1:wrappers:1:kwargs:stack_size"] = "4",
        });
        using var browser = HeadlessChromium.Start();
        browser.WebDriver.Navigate().GoToUrl(new Uri(server.HttpAddress, "/environments"));
        var row = browser.WaitFor(
            driver => driver.FindElement(By.CssSelector("table.presets tr[data-preset='CartPoleNorm-v1'][data-backend='native']")).Text,
            "the preset's row");
        Assert.Contains("CartPole-v1", row, StringComparison.Ordinal);
        Assert.Contains("NormalizeObservation → FrameStackObservation(stack_size=4)", row, StringComparison.Ordinal);
        Assert.Contains("\"shape\":[4,4]", row, StringComparison.Ordinal);
        // The env ids keep their own table; the preset is not among them.
        Assert.Empty(browser.WebDriver.FindElements(By.CssSelector("tr[data-env='CartPoleNorm-v1']")));
        Assert.NotEmpty(browser.WebDriver.FindElements(By.CssSelector("tr[data-env='CartPole-v1']")));
        browser.SaveScreenshot("dashboard-environments-presets.png");
    }

    private static long? EpisodeCount(HeadlessChromium browser)
    {
        var text = browser.WebDriver.FindElement(By.CssSelector("[data-stat=episodes]")).Text;
        return long.TryParse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var count) ? count : null;
    }

    /// <summary>Plays CartPole over TCP, paced, with a policy that learns, until <paramref name="stop"/>.</summary>
    internal static async Task PlayUntilStoppedAsync(int port, CancellationToken stop)
    {
        await using var agent = await CartPoleAgent.StartAsync(port, CartPoleAgent.Improving(episodes: LearningEpisodes, seed: 7));
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await agent.PlayAsync(1);
                // Paced, not synchronising: a few dozen episodes a second leave the two cores to the browser.
                await Task.Delay(TimeSpan.FromMilliseconds(30), stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The test is done with the agent.
        }
    }
}
