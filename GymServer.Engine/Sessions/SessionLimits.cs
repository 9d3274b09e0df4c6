namespace GymServer.Engine.Sessions;

/// <summary>What one session (one connection) may hold.</summary>
/// <param name="MaxEnvs">Envs open at once; making one more is refused with too_many_envs.</param>
public sealed record SessionLimits(int MaxEnvs)
{
    public static SessionLimits Default { get; } = new(MaxEnvs: 16);
}
