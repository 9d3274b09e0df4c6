namespace GymServer.Engine.Sessions;

/// <summary>What one session (one connection) may hold.</summary>
/// <param name="MaxEnvs">Envs open at once; making one more is refused with too_many_envs.</param>
/// <param name="MaxStepsPerSecond">Env steps per second (a vector step counts each sub-env); 0: no limit. Past it, rate_limited.</param>
/// <param name="NodeEnvs">The node's env count, shared by its sessions; null: no node limit. Past it, too_many_envs.</param>
public sealed record SessionLimits(int MaxEnvs, int MaxStepsPerSecond = 0, NodeEnvQuota? NodeEnvs = null)
{
    public static SessionLimits Default { get; } = new(MaxEnvs: 16);
}
