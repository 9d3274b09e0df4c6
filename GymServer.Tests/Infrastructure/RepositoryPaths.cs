namespace GymServer.Tests.Infrastructure;

/// <summary>Where the repository and the shared reference data are, wherever the tests run from.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The Gymnasium reference data: GYM_CONFORMANCE_DIR when set, else ../shared/conformance beside the repository.
    /// </summary>
    public static string ConformanceDirectory =>
        Environment.GetEnvironmentVariable("GYM_CONFORMANCE_DIR") is { Length: > 0 } overridden
            ? overridden
            : Path.GetFullPath(Path.Combine(Root, "..", "shared", "conformance"));

    /// <summary>
    /// The Gymnasium 1.4.0 reference data for the envs 1.4.0 changed (Taxi-v4): GYM_CONFORMANCE_1_4_DIR when set,
    /// else ../shared/conformance-gymnasium-1.4 beside the repository. Same format as <see cref="ConformanceDirectory"/>.
    /// </summary>
    public static string Gymnasium14ConformanceDirectory =>
        Environment.GetEnvironmentVariable("GYM_CONFORMANCE_1_4_DIR") is { Length: > 0 } overridden
            ? overridden
            : Path.GetFullPath(Path.Combine(Root, "..", "shared", "conformance-gymnasium-1.4"));

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GymServer.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("GymServer.sln not found above the test binaries");
    }
}
