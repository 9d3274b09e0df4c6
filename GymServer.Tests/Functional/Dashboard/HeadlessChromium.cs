using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace GymServer.Tests.Functional.Dashboard;

/// <summary>
/// Debian's chromium, headless, driven by Debian's chromium-driver (both from apt, as .ci/run installs them): no
/// driver download, no Selenium Manager. Waits poll a condition; nothing sleeps.
/// </summary>
public sealed class HeadlessChromium : IDisposable
{
    public const string Browser = "/usr/bin/chromium";
    public const string Driver = "/usr/bin/chromedriver";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private HeadlessChromium(ChromeDriver driver)
    {
        WebDriver = driver;
    }

    public ChromeDriver WebDriver { get; }

    public static HeadlessChromium Start()
    {
        if (!File.Exists(Browser) || !File.Exists(Driver))
        {
            throw new InvalidOperationException($"the browser test needs {Browser} and {Driver}: apt-get install -y chromium chromium-driver");
        }
        var options = new ChromeOptions { BinaryLocation = Browser };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
            "--window-size=1280,1000", "--autoplay-policy=no-user-gesture-required");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        return new HeadlessChromium(new ChromeDriver(service, options, Timeout));
    }

    /// <summary>Polls until <paramref name="condition"/> returns a non-default value, or fails after the timeout.</summary>
    public T WaitFor<T>(Func<IWebDriver, T> condition, string what)
    {
        var wait = new WebDriverWait(WebDriver, Timeout) { Message = what };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        return wait.Until(condition);
    }

    /// <summary>
    /// Saves a screenshot in the artifacts folder and returns its path: <c>$GYM_TEST_RESULTS/artifacts</c> when the
    /// CI sets a results folder, else <c>artifacts/</c> beside the test assembly.
    /// </summary>
    public string SaveScreenshot(string name)
    {
        var results = Environment.GetEnvironmentVariable("GYM_TEST_RESULTS");
        var folder = Directory.CreateDirectory(Path.Combine(string.IsNullOrEmpty(results) ? AppContext.BaseDirectory : results, "artifacts"));
        var path = Path.Combine(folder.FullName, name);
        WebDriver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    public void Dispose()
    {
        WebDriver.Quit();
        WebDriver.Dispose();
    }
}
