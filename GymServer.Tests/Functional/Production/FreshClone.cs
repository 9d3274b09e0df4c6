using System.Diagnostics;
using GymServer.Tests.Infrastructure;

namespace GymServer.Tests.Functional.Production;

/// <summary>
/// A fresh clone of this repository's HEAD (committed files only, nothing built), in a temporary folder, as a new
/// user starts from. Deleted with everything built in it when the tests are done.
/// </summary>
public sealed class FreshClone : IDisposable
{
    public FreshClone()
    {
        Folder = Directory.CreateTempSubdirectory("gymserver-clone-").FullName;
        Root = Path.Combine(Folder, "GymServer");
        var head = Git(RepositoryPaths.Root, "rev-parse", "HEAD").Trim();
        Git(Folder, "clone", "--quiet", "--no-checkout", RepositoryPaths.Root, Root);
        Git(Root, "checkout", "--quiet", "--detach", head);
        Head = head;
    }

    /// <summary>The clone's working tree: where a user types the README's commands.</summary>
    public string Root { get; }

    /// <summary>The commit cloned.</summary>
    public string Head { get; }

    /// <summary>The temporary folder holding the clone and anything the tests put beside it (a publish output).</summary>
    public string Folder { get; }

    /// <summary>Runs a command (git, dotnet publish) to its end and returns its output; fails with that output if it fails.</summary>
    public static async Task<string> RunAsync(string directory, TimeSpan timeout, string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        ServerProcess.AsAUserStartsIt(start.Environment);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} {string.Join(' ', arguments)} did not end within {timeout.TotalSeconds:0} s");
        }
        var text = await output + await errors;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} failed with {process.ExitCode}:\n{text}");
        }
        return text;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static string Git(string directory, params string[] arguments) =>
        RunAsync(directory, TimeSpan.FromMinutes(1), "git", arguments).GetAwaiter().GetResult();
}
