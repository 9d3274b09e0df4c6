using GymServer.Tests.Infrastructure;
using GymServer.Web.Tcp;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GymServer.Client.Tests;

/// <summary>
/// The real GymServer host, in this process on Kestrel: TCP on loopback port 0, no Python workers unless a test
/// asks for them (with the repository's fake gymnasium, see <see cref="WithPythonWorkers"/>).
/// </summary>
public sealed class ServerFixture : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Gym:Tcp:Port"] = "0",
        ["Gym:Tcp:Address"] = "127.0.0.1",
        ["Gym:DmEnvRpc:Port"] = "0",
        ["Gym:Python:Workers"] = "0",
        ["urls"] = "http://127.0.0.1:0",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    public ServerFixture()
        : this(new Dictionary<string, string?>())
    {
    }

    private ServerFixture(IReadOnlyDictionary<string, string?> settings)
    {
        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }
        UseKestrel();
        StartServer();
    }

    /// <summary>A server with one Python worker running the fake gymnasium and the repository's test envs.</summary>
    public static ServerFixture WithPythonWorkers() => new(new Dictionary<string, string?>
    {
        ["Gym:Python:Workers"] = "1",
        ["Gym:Python:Executable"] = "/usr/bin/python3",
        ["Gym:Python:PythonPath:0"] = Path.Combine(RepositoryPaths.Root, "python", "tests", "fakegym"),
        ["Gym:Python:Imports:0"] = "gymserver_testenvs",
    });

    /// <summary>A server whose TCP port speaks TLS only, with the test certificate.</summary>
    public static ServerFixture WithTls(TestCertificates certificates) => new(certificates.TcpTlsSettings());

    /// <summary>A server of its own, for tests that stop it.</summary>
    public static ServerFixture Alone() => new(new Dictionary<string, string?>());

    public int TcpPort => Services.GetRequiredService<TcpEndpoints>().Port;

    public Task<GymClient> ConnectAsync(GymEncoding encoding = GymEncoding.Json) =>
        GymClient.ConnectAsync("127.0.0.1", TcpPort, new GymClientOptions { Encoding = encoding });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>Tests sharing one server with the default configuration.</summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "GymServer";
}
