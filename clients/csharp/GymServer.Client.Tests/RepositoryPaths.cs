namespace GymServer.Client.Tests;

/// <summary>The repository's root, found from the test binaries by walking up to GymServer.sln.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string ScenarioFile => Path.Combine(Root, "clients", "scenarios", "protocol.json");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GymServer.sln")))
            {
                return directory.FullName;
            }
        }
        throw new DirectoryNotFoundException($"no GymServer.sln above {AppContext.BaseDirectory}");
    }
}
