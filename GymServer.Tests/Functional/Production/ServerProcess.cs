using System.Collections.Concurrent;
using System.Diagnostics;
using GymServer.Tests.Functional.Cluster;
using GymServer.Tests.Infrastructure;

namespace GymServer.Tests.Functional.Production;

/// <summary>
/// The server as its own process, started the way a user starts it (<c>dotnet run</c>, <c>dotnet GymServer.Web.dll</c>
/// in a publish folder), in the Production environment, on free loopback ports given as <c>--</c> arguments. Keeps
/// everything it writes; stops it with SIGTERM, as a terminal or service manager does.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServerProcess(Process process, int tcpPort, int httpPort)
    {
        _process = process;
        TcpPort = tcpPort;
        HttpPort = httpPort;
    }

    public int TcpPort { get; }

    public int HttpPort { get; }

    public Uri HttpAddress => new($"http://127.0.0.1:{HttpPort}/");

    /// <summary>Every line the process wrote to stdout or stderr so far (a build's output included).</summary>
    public IReadOnlyList<string> Lines => [.. _output];

    public string Log => string.Join('\n', _output);

    /// <summary>The server this test build made (GymServer.Web.dll beside the tests' own configuration).</summary>
    public static ServerProcess StartBuilt(params string[] settings) =>
        Start("dotnet", Path.GetDirectoryName(ClusterNodeProcess.WebDll)!, ["exec", ClusterNodeProcess.WebDll], settings);

    /// <summary>
    /// Starts <paramref name="command"/> in <paramref name="directory"/> with <paramref name="arguments"/>, then
    /// <c>--Gym:Tcp:Port</c>, <c>--Gym:DmEnvRpc:Port</c>, <c>--urls</c> (free loopback ports) and <paramref name="settings"/>. <paramref name="separator"/>
    /// goes between the command's own arguments and the server's (<c>--</c> for <c>dotnet run</c>).
    /// </summary>
    public static ServerProcess Start(string command, string directory, IEnumerable<string> arguments, IEnumerable<string> settings, string? separator = null)
    {
        var tcpPort = TestPorts.Free();
        var httpPort = TestPorts.Free();
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
        if (separator is not null)
        {
            start.ArgumentList.Add(separator);
        }
        start.ArgumentList.Add($"--Gym:Tcp:Port={tcpPort}");
        start.ArgumentList.Add("--Gym:DmEnvRpc:Port=0");
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{httpPort}");
        foreach (var setting in settings)
        {
            start.ArgumentList.Add(setting);
        }
        AsAUserStartsIt(start.Environment);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start");
        var server = new ServerProcess(process, tcpPort, httpPort);
        process.OutputDataReceived += (_, line) => server.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => server.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>
    /// Waits until <c>/healthz</c> answers 200, failing with the process's output if it exits first or the deadline
    /// passes (generous: <c>dotnet run</c> builds first).
    /// </summary>
    public async Task WaitUntilServingAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with {_process.ExitCode} before serving:\n{Log}");
            }
            try
            {
                using var health = await Http.GetAsync(new Uri(HttpAddress, "/healthz"));
                if (health.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet (still building, or starting).
            }
            catch (TaskCanceledException)
            {
                // Listening but slow to answer while it starts: ask again.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"the server did not serve /healthz within {timeout.TotalSeconds:0} s:\n{Log}");
    }

    /// <summary>Waits for the process to exit by itself (a refused start) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"the server still runs after {timeout.TotalSeconds:0} s:\n{Log}");
        }
        // The exit is seen before the last redirected lines are: this waits for both streams to end.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public Task<string> GetStringAsync(string path) => Http.GetStringAsync(new Uri(HttpAddress, path));

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(new Uri(HttpAddress, path));

    /// <summary>SIGTERM (what Ctrl-C in a terminal and systemd's stop send) and waits for the exit.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        try
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"the server still runs 30 s after SIGTERM:\n{Log}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    /// <summary>
    /// The environment of a user's shell rather than of the test run: no environment name (so Production), and none
    /// of the MSBuild and test-platform variables <c>dotnet test</c> passes down, which would steer the build that
    /// <c>dotnet run</c> makes. MSBuild node reuse is off so the build leaves no worker process behind.
    /// </summary>
    internal static void AsAUserStartsIt(IDictionary<string, string?> environment)
    {
        foreach (var name in environment.Keys.ToList())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) ||
                name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) ||
                name is "ASPNETCORE_ENVIRONMENT" or "DOTNET_ENVIRONMENT" or "DOTNET_HOST_PATH")
            {
                environment.Remove(name);
            }
        }
        environment["MSBUILDDISABLENODEREUSE"] = "1";
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
