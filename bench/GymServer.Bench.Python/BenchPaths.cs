using System.Diagnostics;
using System.Text.Json;

namespace GymServer.Bench.Python;

/// <summary>Finding the repository, and running the in-process Python baseline (bench/python_inprocess.py).</summary>
internal static class BenchPaths
{
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GymServer.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("GymServer.sln not found above the benchmark");
    }

    public static Latency RunInProcessPython(string root, int steps)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("GYM_BENCH_PYTHON") ?? "/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(root, "bench", "python_inprocess.py"));
        info.ArgumentList.Add("--steps");
        info.ArgumentList.Add(steps.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var process = Process.Start(info) ?? throw new InvalidOperationException("python did not start");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        using var document = JsonDocument.Parse(output);
        var result = document.RootElement;
        return new Latency(result.GetProperty("p50").GetDouble(), result.GetProperty("p90").GetDouble(), result.GetProperty("p99").GetDouble());
    }
}
