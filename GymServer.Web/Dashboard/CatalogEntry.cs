using GymServer.Engine.Sessions;

namespace GymServer.Web.Dashboard;

/// <summary>
/// One id of the catalogue: its backend, spaces (JSON descriptions, as list_envs gives them), reward threshold and
/// time limit, the Gymnasium release a native env follows and the id that replaced a deprecated one;
/// <see cref="Error"/> when the backend could not make it to describe it; <see cref="Preset"/> for a preset.
/// </summary>
public sealed record CatalogEntry(
    string Id,
    string Backend,
    string? ObservationSpace,
    string? ActionSpace,
    double? RewardThreshold,
    int? MaxEpisodeSteps,
    string? Error = null,
    string? Gymnasium = null,
    string? DeprecatedBy = null,
    EnvPreset? Preset = null);
