using System.Globalization;
using GymServer.Tests.Functional.Dashboard;
using OpenQA.Selenium;

namespace GymServer.Tests.Functional.Production;

/// <summary>
/// What a new user does: clone the repository, start the server with the README's command (Production, Release,
/// the build made by <c>dotnet run</c> itself), or from a <c>dotnet publish</c> output, and open the dashboard in a
/// browser while an agent steps over TCP. The page must load every asset, be styled, and update without reload.
/// Run alone with the other browser tests; the first of the two builds the clone (about a minute on 2 cores).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FreshCloneTests(FreshClone clone) : IClassFixture<FreshClone>
{
    /// <summary>
    /// Building the clone comes first: the deadline (a guard against a hang, not a measure) covers a cold build on a
    /// 2-core machine that other builds share (4 minutes were seen to run out at a load average of 40).
    /// </summary>
    private static readonly TimeSpan BuildAndStart = TimeSpan.FromMinutes(10);

    /// <summary>The dashboard's header colour (dashboard.css): an unstyled page keeps a transparent header.</summary>
    private const string HeaderBackground = "rgb(29, 36, 51)";

    [Fact]
    public async Task TheReadmeCommandServesTheDashboardStyledAndLive()
    {
        // The README's command, word for word, with free ports after "--".
        await using var server = ServerProcess.Start(
            "dotnet", clone.Root, ["run", "-c", "Release", "--project", "GymServer.Web"], [], separator: "--");
        await server.WaitUntilServingAsync(BuildAndStart);
        Assert.Contains(server.Lines, line => line.Contains("Hosting environment: Production", StringComparison.Ordinal));
        await CheckDashboardAsync(server, "fresh-clone-dashboard.png");
        await server.StopAsync();
        AssertNoServerErrors(server);
    }

    [Fact]
    public async Task ThePublishOutputServesTheDashboardStyledAndLive()
    {
        var output = Path.Combine(clone.Folder, "publish");
        await FreshClone.RunAsync(clone.Root, BuildAndStart, "dotnet", "publish", "-c", "Release", "GymServer.Web", "-o", output);
        // As the systemd unit in deploy/ runs it: from its own folder, the content root.
        await using (var server = ServerProcess.Start("dotnet", output, ["GymServer.Web.dll"], []))
        {
            await server.WaitUntilServingAsync(BuildAndStart);
            Assert.Contains(server.Lines, line => line.Contains("Hosting environment: Production", StringComparison.Ordinal));
            await CheckDashboardAsync(server, "publish-dashboard.png");
            await server.StopAsync();
            AssertNoServerErrors(server);
        }

        // Started from another folder, the content root has no wwwroot: the log says where it looked and what to do.
        await using var elsewhere = ServerProcess.Start("dotnet", clone.Folder, [Path.Combine(output, "GymServer.Web.dll")], []);
        await elsewhere.WaitUntilServingAsync(BuildAndStart);
        await elsewhere.StopAsync();
        var warning = Assert.Single(elsewhere.Lines, line => line.Contains("dashboard files", StringComparison.Ordinal));
        Assert.Contains(Path.Combine(clone.Folder, "wwwroot"), warning, StringComparison.Ordinal);
        Assert.Contains("--contentRoot", warning, StringComparison.Ordinal);
    }

    /// <summary>
    /// Opens <c>/</c> in headless Chromium while an agent plays CartPole: every response below 400, the stylesheet
    /// applied, the step count rising on a page never reloaded; then the live episodes page, saved as a screenshot.
    /// </summary>
    private static async Task CheckDashboardAsync(ServerProcess server, string screenshot)
    {
        using var stop = new CancellationTokenSource();
        var agent = DashboardBrowserTests.PlayUntilStoppedAsync(server.TcpPort, stop.Token);
        try
        {
            using var browser = HeadlessChromium.Start();
            browser.WebDriver.Navigate().GoToUrl(server.HttpAddress);
            var first = browser.WaitFor(driver => driver.FindElement(By.CssSelector("[data-stat=steps]")).Text, "the overview's step count");
            browser.WebDriver.ExecuteScript("window.gymServerNoReload = true;");

            var styles = Script<IReadOnlyCollection<object>>(browser,
                "return [getComputedStyle(document.querySelector('header.top')).backgroundColor," +
                " getComputedStyle(document.querySelector('dl.stats')).display];");
            Assert.Equal([HeaderBackground, "grid"], styles.Select(style => (string)style));

            browser.WaitFor(driver => driver.FindElement(By.CssSelector("[data-stat=steps]")).Text != first, $"the step count to change from {first}");
            Assert.Equal(true, browser.WebDriver.ExecuteScript("return window.gymServerNoReload === true;"));

            browser.WebDriver.FindElement(By.CssSelector("a[href='episodes']")).Click();
            browser.WaitFor(driver => int.Parse(driver.FindElement(By.CssSelector("figure.chart [data-points]")).GetAttribute("data-points")!,
                CultureInfo.InvariantCulture) >= DashboardBrowserTests.LearningEpisodes + 10, "the return chart to span the learning phase");
            Assert.Equal(true, browser.WebDriver.ExecuteScript("return window.gymServerNoReload === true;"));
            browser.SaveScreenshot(screenshot);

            // Every response the page received, the document included (Resource Timing's responseStatus; 0 means
            // the request failed without a response).
            var responses = Script<IReadOnlyCollection<object>>(browser,
                "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))" +
                ".map(entry => entry.responseStatus + ' ' + entry.name);").Select(entry => (string)entry).ToList();
            Assert.Contains(responses, response => response.Contains("/_framework/blazor.web.", StringComparison.Ordinal));
            Assert.Contains(responses, response => response.Contains("/dashboard.", StringComparison.Ordinal) && response.EndsWith(".css", StringComparison.Ordinal));
            var failed = responses.Where(response => int.Parse(response.Split(' ')[0], CultureInfo.InvariantCulture) is < 200 or >= 400).ToList();
            Assert.True(failed.Count == 0, $"responses outside 2xx/3xx:\n{string.Join('\n', failed)}\nserver log:\n{server.Log}");
        }
        finally
        {
            await stop.CancelAsync();
            await agent;
        }
    }

    private static T Script<T>(HeadlessChromium browser, string script) =>
        (T)browser.WebDriver.ExecuteScript(script)!;

    /// <summary>An unhandled exception in a request (the missing blazor.web.js was one) is logged as "fail:".</summary>
    private static void AssertNoServerErrors(ServerProcess server) =>
        Assert.DoesNotContain(server.Lines, line => line.StartsWith("fail: Microsoft.AspNetCore", StringComparison.Ordinal));
}
