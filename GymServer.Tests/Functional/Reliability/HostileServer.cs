using System.Text.Json;
using GymServer.Tests.Infrastructure;
using GymServer.Web.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GymServer.Tests.Functional.Reliability;

/// <summary>
/// A server for hostile-client tests: the host with its log captured (warnings and errors), a bystander client that
/// must keep being served, and the server's connection gauge and read-pause counter (GymMetrics, whose Changed event
/// a test can await).
/// </summary>
public sealed class HostileServer : IAsyncLifetime, IAsyncDisposable
{
    private readonly GymMetrics _metrics;
    private readonly Lock _lock = new();
    private TaskCompletionSource? _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public HostileServer()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>A server with these settings over the test defaults (call <see cref="InitializeAsync"/> first).</summary>
    public static HostileServer With(IReadOnlyDictionary<string, string?> settings) => new(settings);

    private HostileServer(IReadOnlyDictionary<string, string?> settings)
    {
        Server = GymServerFactory.With(settings, Logs);
        _metrics = Server.Services.GetRequiredService<GymMetrics>();
        _metrics.Changed += OnMeasurement;
    }

    public GymServerFactory Server { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public GymTestClient Bystander { get; private set; } = null!;

    public long ActiveConnections => _metrics.ActiveConnections;

    public long ReadPauses => _metrics.ReadPauses;

    public async Task InitializeAsync()
    {
        Bystander = await Server.ConnectAsync();
        await Bystander.RequestAsync("{\"env\":{\"name\":\"CartPole-v1\"}}");
        await Bystander.SendAsync("{\"env\":{\"seed\":\"7\"}}");
        await Bystander.RequestAsync("{\"env\":{\"action\":\"reset\"}}");
    }

    /// <summary>The bystander steps, and a new client makes, resets and steps an env: the node serves everyone else.</summary>
    public async Task AssertOthersServedAsync()
    {
        var step = await Bystander.RequestAsync("{\"step\":{\"action\":0,\"render\":0}}");
        Assert.True(step.TryGetProperty("observation", out _) || step.GetProperty("error").GetProperty("code").GetString() == "reset_needed", step.GetRawText());
        await using var fresh = await Server.ConnectAsync();
        Assert.True((await fresh.RequestAsync("{\"env\":{\"name\":\"Pendulum-v1\"}}")).TryGetProperty("instance", out _));
        await fresh.SendAsync("{\"env\":{\"seed\":\"1\"}}");
        Assert.Equal(JsonValueKind.Array, (await fresh.RequestAsync("{\"env\":{\"action\":\"reset\"}}")).GetProperty("observation").ValueKind);
        Assert.Equal(JsonValueKind.Array, (await fresh.RequestAsync("{\"step\":{\"action\":[0.5],\"render\":0}}")).GetProperty("observation").ValueKind);
    }

    /// <summary>No connection failed with an unexpected exception and no request crashed.</summary>
    public void AssertNoErrorsLogged() =>
        Assert.DoesNotContain(Logs.Entries, entry => entry.Level >= LogLevel.Error);

    /// <summary>Waits (event-driven, under a deadline) until the server's measurements satisfy the condition.</summary>
    public async Task WaitUntilAsync(Func<HostileServer, bool> condition, TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (condition(this))
                {
                    return;
                }
                changed = (_changed ??= new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            }
            await changed.WaitAsync(timeout.Token);
        }
    }

    public async Task DisposeAsync()
    {
        _metrics.Changed -= OnMeasurement;
        if (Bystander is not null)
        {
            await Bystander.DisposeAsync();
        }
        await Server.DisposeAsync();
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    private void OnMeasurement()
    {
        TaskCompletionSource? changed;
        lock (_lock)
        {
            changed = _changed;
            _changed = null;
        }
        changed?.TrySetResult();
    }
}
