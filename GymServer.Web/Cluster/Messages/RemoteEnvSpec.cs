using GymServer.Engine.Environments;

namespace GymServer.Web.Cluster.Messages;

/// <summary>An <see cref="EnvSpec"/> on the wire between nodes.</summary>
[GenerateSerializer, Immutable]
public sealed record RemoteEnvSpec(
    [property: Id(0)] string Id,
    [property: Id(1)] int? MaxEpisodeSteps,
    [property: Id(2)] double? RewardThreshold,
    [property: Id(3)] bool IntegerRewards,
    [property: Id(4)] bool Nondeterministic,
    [property: Id(5)] int? RenderFps,
    [property: Id(6)] string? Gymnasium = null,
    [property: Id(7)] string? DeprecatedBy = null)
{
    public static RemoteEnvSpec From(EnvSpec spec) =>
        new(spec.Id, spec.MaxEpisodeSteps, spec.RewardThreshold, spec.IntegerRewards, spec.Nondeterministic, spec.RenderFps,
            spec.Gymnasium, spec.DeprecatedBy);

    public EnvSpec ToSpec() =>
        new(Id, MaxEpisodeSteps, RewardThreshold, IntegerRewards, Nondeterministic, RenderFps, Gymnasium, DeprecatedBy);
}
