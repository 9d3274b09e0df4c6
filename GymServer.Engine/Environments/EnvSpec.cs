namespace GymServer.Engine.Environments;

/// <summary>
/// What Gymnasium's registry says of an env id: its TimeLimit, reward threshold, and whether its rewards are
/// Python ints (toy text) or floats, so encoders write them as Gymnasium would. A native env's spec also names the
/// Gymnasium release it reproduces, and an id Gymnasium no longer registers names the id that replaced it.
/// </summary>
/// <param name="Id">The id, as make takes it.</param>
/// <param name="MaxEpisodeSteps">The TimeLimit, or null for none.</param>
/// <param name="RewardThreshold">The return at which the env counts as solved, or null.</param>
/// <param name="IntegerRewards">Whether Gymnasium's rewards are Python ints.</param>
/// <param name="Nondeterministic">Whether a seed does not fix the env's behaviour.</param>
/// <param name="RenderFps">The render_fps of the env's metadata, or null.</param>
/// <param name="Gymnasium">The Gymnasium release a native env reproduces bit for bit; null for an env that is
/// Gymnasium itself (a Python worker's).</param>
/// <param name="DeprecatedBy">The id Gymnasium replaced this one with (Taxi-v3: Taxi-v4), or null.</param>
public sealed record EnvSpec(
    string Id,
    int? MaxEpisodeSteps,
    double? RewardThreshold,
    bool IntegerRewards = false,
    bool Nondeterministic = false,
    int? RenderFps = null,
    string? Gymnasium = null,
    string? DeprecatedBy = null);
