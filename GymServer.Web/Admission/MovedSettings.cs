using GymServer.Engine.Nodes;

namespace GymServer.Web.Admission;

/// <summary>
/// The node's limits that used to be TCP settings: their old keys keep working, and a node started with one logs
/// once, at start, where it moved. Where both keys are set, the one from the source that takes precedence wins (the
/// command line over appsettings.json, say), and the new one within one source.
/// </summary>
public sealed partial class MovedSettings(IConfiguration configuration, ILogger<MovedSettings> logger) : IHostedService
{
    /// <summary>Each moved setting: its old key, its new key, and how its value is applied.</summary>
    public static IReadOnlyList<(string Old, string New, Action<NodeOptions, int> Apply)> Keys { get; } =
    [
        ("Gym:Tcp:MaxEnvsPerNode", "Gym:Node:MaxEnvs", static (limits, value) => limits.MaxEnvs = value),
        ("Gym:Tcp:MaxEnvsPerConnection", "Gym:Node:MaxEnvsPerConnection", static (limits, value) => limits.MaxEnvsPerConnection = value),
        ("Gym:Tcp:MaxStepsPerSecond", "Gym:Node:MaxStepsPerSecond", static (limits, value) => limits.MaxStepsPerSecond = value),
    ];

    /// <summary>Applies, over the limits bound from the new keys, the old keys that outrank them.</summary>
    public static void Apply(IConfiguration configuration, NodeOptions options)
    {
        foreach (var (old, key, apply) in Keys)
        {
            if (configuration[old] is not null && Precedence(configuration, old) > Precedence(configuration, key))
            {
                apply(options, configuration.GetValue<int>(old));
            }
        }
    }

    /// <summary>The rank of the last configuration source that sets <paramref name="key"/> (later sources win); -1 if none.</summary>
    private static int Precedence(IConfiguration configuration, string key)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return configuration[key] is null ? -1 : 0;
        }
        var providers = root.Providers.ToList();
        for (var i = providers.Count - 1; i >= 0; i--)
        {
            if (providers[i].TryGet(key, out _))
            {
                return i;
            }
        }
        return -1;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (old, key, _) in Keys)
        {
            if (configuration[old] is not null)
            {
                Moved(logger, old, key);
            }
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(201, LogLevel.Warning, "The setting {OldKey} has moved to {NewKey}; it still works under its old name")]
    private static partial void Moved(ILogger logger, string oldKey, string newKey);
}
