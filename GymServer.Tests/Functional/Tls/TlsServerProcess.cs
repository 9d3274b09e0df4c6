using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using GymServer.Tests.Functional.Cluster;

namespace GymServer.Tests.Functional.Tls;

/// <summary>
/// GymServer as its own process (<c>dotnet exec GymServer.Web.dll</c>, the build the README's command makes) with
/// TLS on the TCP port, on ports it picks itself: ready once it logs both, which it does after binding them.
/// </summary>
public sealed partial class TlsServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<int> _tcpPort = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentBag<Uri> _addresses = [];
    private readonly string _mediaRoot = Path.Combine(Path.GetTempPath(), "gym-media-" + Guid.NewGuid().ToString("N"));

    private TlsServerProcess(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(ClusterNodeProcess.WebDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["exec", ClusterNodeProcess.WebDll, "--Gym:Python:Workers=0", "--Gym:DmEnvRpc:Enabled=false", $"--Gym:Media:Root={_mediaRoot}", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.Exited += (_, _) => _tcpPort.TrySetException(new InvalidOperationException($"the server exited with {_process.ExitCode}:\n{Log}"));
        _process.EnableRaisingEvents = true;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int TcpPort { get; private set; }

    /// <summary>Everything the server wrote so far.</summary>
    public string Log => string.Join('\n', _output);

    /// <summary>The addresses Kestrel reported ("Now listening on: ..."), the TCP listener's included.</summary>
    public IReadOnlyCollection<Uri> Addresses => _addresses;

    public static async Task<TlsServerProcess> StartAsync(params string[] arguments)
    {
        var server = new TlsServerProcess(arguments);
        try
        {
            server.TcpPort = await server._tcpPort.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            await server.DisposeAsync();
            throw new TimeoutException($"the server did not log its TLS listener within {StartTimeout}:\n{server.Log}");
        }
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (Directory.Exists(_mediaRoot))
        {
            Directory.Delete(_mediaRoot, recursive: true);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue(line);
        if (KestrelAddress().Match(line) is { Success: true } address)
        {
            _addresses.Add(new Uri(address.Groups[1].Value));
        }
        // Logged once the server has started, after Kestrel reported every address.
        if (TcpListening().Match(line) is { Success: true } tcp)
        {
            _tcpPort.TrySetResult(int.Parse(tcp.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [GeneratedRegex(@"Now listening on: (\S+)")]
    private static partial Regex KestrelAddress();

    [GeneratedRegex(@"Gym TCP protocol listening on 127\.0\.0\.1:(\d+) with TLS")]
    private static partial Regex TcpListening();
}
