using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using GymServer.Tests.Functional.Python;
using GymServer.Tests.Infrastructure;

namespace GymServer.Tests.Functional.Cluster;

/// <summary>
/// One GymServer node as its own process: <c>dotnet exec GymServer.Web.dll</c> with command-line configuration,
/// a cluster member with Redis membership, one Python worker (Debian's python3 and the fake gymnasium) hosting at
/// most <c>maxEnvs</c> envs, so that "the node is full" is one env away; its media root is a folder of its own.
/// </summary>
public sealed class ClusterNodeProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private readonly DirectoryInfo _media;

    private ClusterNodeProcess(string name, int tcpPort, int httpPort, DirectoryInfo media, Process process)
    {
        Name = name;
        TcpPort = tcpPort;
        HttpPort = httpPort;
        _media = media;
        _process = process;
    }

    public string Name { get; }

    /// <summary>The node's Gym:Media:Root, where the recordings of its sessions' envs are published.</summary>
    public string MediaRoot => _media.FullName;

    public int TcpPort { get; }

    public int HttpPort { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>What the node wrote to stdout and stderr so far.</summary>
    public string Log => string.Join('\n', _output);

    public static string WebDll
    {
        get
        {
            // Same configuration (Debug/Release) as the tests themselves.
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            return Path.Combine(RepositoryPaths.Root, "GymServer.Web", "bin", configuration, "net10.0", "GymServer.Web.dll");
        }
    }

    public static ClusterNodeProcess Start(string name, RedisServer redis, int maxEnvs, params string[] extra)
    {
        var tcpPort = TestPorts.Free();
        var httpPort = TestPorts.Free();
        var media = Directory.CreateTempSubdirectory($"gymserver-node-{name}-media-");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(WebDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "exec", WebDll,
            "--urls", $"http://127.0.0.1:{httpPort}",
            $"--Gym:Tcp:Port={tcpPort}",
            "--Gym:DmEnvRpc:Port=0",
            "--Gym:Cluster:Enabled=true",
            "--Gym:Cluster:Membership=redis",
            $"--Gym:Cluster:Redis={redis.ConnectionString}",
            $"--Gym:Cluster:SiloPort={TestPorts.Free()}",
            "--Gym:Cluster:GatewayPort=0",
            $"--Gym:Cluster:ClusterId=test-{redis.Port}",
            $"--Gym:Cluster:NodeName={name}",
            $"--Gym:Media:Root={media.FullName}",
            "--Gym:Python:Workers=1",
            $"--Gym:Python:MaxEnvsPerWorker={maxEnvs}",
            $"--Gym:Python:Executable={PythonTestPool.Interpreter}",
            $"--Gym:Python:PythonPath:0={PythonTestPool.FakeGymDirectory}",
            "--Gym:Python:Imports:0=gymserver_testenvs",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:GymServer=Information",
            .. extra,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var node = new ClusterNodeProcess(name, tcpPort, httpPort, media, process);
        process.OutputDataReceived += (_, line) => node.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => node.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>The node's directory (<c>GET /cluster/nodes</c>): itself first, then the nodes it knows.</summary>
    public async Task<JsonElement[]> NodesAsync() =>
        await Http.GetFromJsonAsync<JsonElement[]>($"http://127.0.0.1:{HttpPort}/cluster/nodes") ?? [];

    /// <summary>This node's own snapshot, taken when asked.</summary>
    public async Task<JsonElement> SelfAsync() => (await NodesAsync())[0];

    /// <summary>
    /// Polls the node's directory until <paramref name="condition"/> holds; fails with the node's log after the
    /// deadline, or at once if this node or one of <paramref name="peers"/> (nodes the condition waits for) exits.
    /// </summary>
    public async Task WaitUntilAsync(Func<JsonElement[], bool> condition, string what, int seconds = 60, IReadOnlyList<ClusterNodeProcess>? peers = null)
    {
        peers ??= [];
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        string last = "(no answer)";
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"node {Name} exited with {_process.ExitCode} while waiting for {what}:\n{Log}");
            }
            if (peers.FirstOrDefault(peer => peer.HasExited) is { } gone)
            {
                throw new InvalidOperationException($"node {gone.Name} exited with {gone.ExitCode} while {Name} waited for {what}:\n{gone.Log}");
            }
            try
            {
                var nodes = await NodesAsync();
                last = JsonSerializer.Serialize(nodes);
                if (condition(nodes))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        var peerLogs = string.Concat(peers.Select(peer => $"\nlog of {peer.Name}:\n{peer.Log}"));
        throw new TimeoutException($"node {Name}: no {what} within {seconds} s; last directory {last}\nlog:\n{Log}{peerLogs}");
    }

    /// <summary>
    /// Polls <c>/media/&lt;instance&gt;/&lt;file&gt;</c> until the node serves it (recordings are published in the
    /// background after the episode's last step); fails with the node's log after the deadline.
    /// </summary>
    public async Task<byte[]> WaitForMediaAsync(string instance, string file, int seconds = 60)
    {
        var url = $"http://127.0.0.1:{HttpPort}/media/{instance}/{file}";
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            using var reply = await Http.GetAsync(url);
            if (reply.IsSuccessStatusCode)
            {
                return await reply.Content.ReadAsByteArrayAsync();
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"node {Name}: {url} not published within {seconds} s\nlog:\n{Log}");
    }

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"node {Name} still runs after {timeout.TotalSeconds} s:\n{Log}");
        }
    }

    public Task<GymTestClient> ConnectAsync() => GymTestClient.ConnectAsync(TcpPort);

    /// <summary>SIGKILL, the node and its Python worker: a crash, no goodbye.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as a service manager stops a node, and waits for it to exit.</summary>
    public async Task TerminateAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
        {
            await kill.WaitForExitAsync();
        }
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _media.Delete(recursive: true);
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
