using GymServer.Web.DmEnvRpc;
using GymServer.Web.Tcp;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GymServer.Tests.Functional;

/// <summary>
/// The real GymServer host on Kestrel, TCP on loopback port 0 and HTTP on another free loopback port, with optional
/// configuration overrides (limits). Tests talk to it over real sockets.
/// </summary>
public class GymServerFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly ILoggerProvider? _logs;

    /// <summary>The media root of this server: a temporary folder of its own unless a test names one.</summary>
    private readonly string _ownMediaRoot = Path.Combine(Path.GetTempPath(), "gym-media-" + Guid.NewGuid().ToString("N"));

    public GymServerFactory()
        : this(new Dictionary<string, string?>())
    {
    }

    private GymServerFactory(IReadOnlyDictionary<string, string?> settings, ILoggerProvider? logs = null)
    {
        _logs = logs;
        _settings = new Dictionary<string, string?>
        {
            ["Gym:Tcp:Port"] = "0",
            ["Gym:Tcp:Address"] = "127.0.0.1",
            ["Gym:DmEnvRpc:Port"] = "0",
            // Python workers only where a test asks for them (with the fake gymnasium): see Functional/Python.
            ["Gym:Python:Workers"] = "0",
            ["urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Gym:Media:Root"] = _ownMediaRoot,
        };
        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }
        UseKestrel();
        StartServer();
    }

    /// <summary>A server of its own with these settings over the test defaults (limits, timeouts).</summary>
    public static GymServerFactory With(IReadOnlyDictionary<string, string?> settings) => new(settings);

    /// <summary>A server of its own with these settings, whose log entries also go to <paramref name="logs"/>.</summary>
    public static GymServerFactory With(IReadOnlyDictionary<string, string?> settings, ILoggerProvider logs) => new(settings, logs);

    /// <summary>The TCP port the protocol listens on.</summary>
    public int TcpPort => Services.GetRequiredService<TcpEndpoints>().Port;

    /// <summary>The port of the dm_env_rpc endpoint (gRPC over HTTP/2).</summary>
    public int DmEnvRpcPort => Services.GetRequiredService<DmEnvRpcEndpoints>().Port;

    /// <summary>The HTTP address Kestrel bound from the urls setting (Kestrel lists the TCP and gRPC ports too).</summary>
    public Uri HttpAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
        .First(address => address.StartsWith("http://", StringComparison.Ordinal)
            && !address.EndsWith($":{TcpPort}", StringComparison.Ordinal)
            && (Services.GetService<DmEnvRpcEndpoints>() is not { } rpc || !address.EndsWith($":{rpc.Port}", StringComparison.Ordinal))));

    public Task<GymTestClient> ConnectAsync() => GymTestClient.ConnectAsync(TcpPort);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_ownMediaRoot))
        {
            Directory.Delete(_ownMediaRoot, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (_logs is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(_logs));
        }
    }
}
