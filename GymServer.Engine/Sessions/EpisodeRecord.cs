namespace GymServer.Engine.Sessions;

/// <summary>
/// A finished episode of one env on this node, as the dashboard, metrics and recordings see it. A struct: episode ends
/// happen on the step path, which allocates nothing.
/// </summary>
/// <param name="InstanceId">The env's instance id.</param>
/// <param name="EnvId">The Gymnasium id, without backend prefix.</param>
/// <param name="Backend">"native", "python", ...</param>
/// <param name="Episode">The episode's index in this instance, from 0.</param>
/// <param name="Return">The sum of its rewards.</param>
/// <param name="Length">Its number of steps.</param>
/// <param name="Seconds">Wall-clock seconds from its reset to its last step.</param>
/// <param name="EndedAt">When its last step ended (UTC).</param>
public readonly record struct EpisodeRecord(
    string InstanceId,
    string EnvId,
    string Backend,
    long Episode,
    double Return,
    long Length,
    double Seconds,
    DateTimeOffset EndedAt);
