namespace GymServer.Engine.Environments;

/// <summary>
/// What Gymnasium's registry says of an env id: its TimeLimit, reward threshold, and whether its rewards are
/// Python ints (toy text) or floats, so encoders write them as Gymnasium would.
/// </summary>
public sealed record EnvSpec(
    string Id,
    int? MaxEpisodeSteps,
    double? RewardThreshold,
    bool IntegerRewards = false,
    bool Nondeterministic = false,
    int? RenderFps = null);
