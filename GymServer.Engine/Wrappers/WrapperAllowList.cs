using GymServer.Engine.Environments;
using GymServer.Protocol;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// The wrappers a client may ask for by name (<c>Gym:Envs:AllowedWrappers</c>), enforced here and nowhere else: the
/// catalog checks every client's list before any backend sees it. Presets are the administrator's and are not
/// checked against it.
/// </summary>
public sealed class WrapperAllowList
{
    /// <summary>
    /// Gymnasium's wrappers whose arguments are plain values (numbers, strings, lists): no callables, no code, no
    /// file paths. Left out: Transform* (callables), RecordVideo (writes files), HumanRendering (opens a window),
    /// RenderCollection, AddWhiteNoise, ObstructView (change what render() returns, which recording reads),
    /// Autoreset (the server resets, and autoresets vectors, itself), OrderEnforcing and PassiveEnvChecker (make
    /// applies them already), and the Jax/Torch conversions (their values are not numpy arrays).
    /// </summary>
    public static IReadOnlyList<string> Default { get; } =
    [
        "AddRenderObservation", "AtariPreprocessing", "ClipAction", "ClipReward", "DelayObservation",
        "DiscretizeAction", "DiscretizeObservation", "DtypeObservation", "FilterObservation", "FlattenObservation",
        "FrameStackObservation", "GrayscaleObservation", "MaxAndSkipObservation", "NormalizeObservation",
        "NormalizeReward", "RecordEpisodeStatistics", "RepeatAction", "RescaleAction", "RescaleObservation",
        "ReshapeObservation", "ResizeObservation", "StickyAction", "TimeAwareObservation", "TimeLimit",
    ];

    private readonly HashSet<string> _allowed;

    /// <param name="allowed">The names allowed; null: <see cref="Default"/>.</param>
    public WrapperAllowList(IEnumerable<string>? allowed = null)
    {
        _allowed = new HashSet<string>(allowed ?? Default, StringComparer.Ordinal);
        Names = [.. _allowed.Order(StringComparer.Ordinal)];
    }

    /// <summary>The allowed names, sorted.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Refuses the first wrapper of the list that is not allowed, with forbidden_wrapper listing what is.</summary>
    public void Check(IReadOnlyList<WrapperSpec> wrappers)
    {
        foreach (var wrapper in wrappers)
        {
            if (!_allowed.Contains(wrapper.Name))
            {
                var allowed = Names.Count == 0 ? "none (this server takes no wrappers from clients)" : string.Join(", ", Names);
                throw new EnvException(
                    EnvErrorCodes.ForbiddenWrapper,
                    $"wrapper '{wrapper.Name}' is not allowed on this server; allowed: {allowed}");
            }
        }
    }
}
