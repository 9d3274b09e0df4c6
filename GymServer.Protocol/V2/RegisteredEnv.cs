namespace GymServer.Protocol.V2;

/// <summary>One entry of <see cref="ListEnvsResponse"/>: an env id, its backend, and its spaces' descriptions.</summary>
/// <param name="Id">The env id, as make takes it.</param>
/// <param name="Backend">The backend that serves it ("native", "python").</param>
/// <param name="ObservationSpace">The observation space's description, as JSON.</param>
/// <param name="ActionSpace">The action space's description, as JSON.</param>
/// <param name="Gymnasium">The Gymnasium release a native env reproduces, or null.</param>
/// <param name="DeprecatedBy">The id that replaced a deprecated one (Taxi-v3: Taxi-v4), or null.</param>
/// <param name="Preset">For a preset, its definition as JSON (<c>{"id":..,"kwargs":{..},"wrappers":[..]}</c>); else null.</param>
public sealed record RegisteredEnv(
    string Id,
    string Backend,
    string ObservationSpace,
    string ActionSpace,
    string? Gymnasium = null,
    string? DeprecatedBy = null,
    string? Preset = null);
