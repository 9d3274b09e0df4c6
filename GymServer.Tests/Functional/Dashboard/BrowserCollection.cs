namespace GymServer.Tests.Functional.Dashboard;

/// <summary>
/// The headless-browser tests, run alone after the parallel ones: chromium is heavy on a 2-core machine and its
/// waits should measure the dashboard, not the other suites.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "Browser";
}
