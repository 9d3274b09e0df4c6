namespace GymServer.Engine.Environments.ToyText;

/// <summary>
/// FrozenLake, Taxi, CliffWalking and Blackjack, as Gymnasium 1.4.0 registers them: ids, TimeLimits, reward
/// thresholds and the kwargs each registration passes (FrozenLake's map_name, Blackjack's sab=True). Taxi-v3, which
/// Gymnasium 1.3.0 replaced with Taxi-v4, stays as 1.2.2 registered it, marked deprecated.
/// </summary>
public static class ToyTextRegistrations
{
    private const int RenderFps = 4;

    public static void AddTo(EnvRegistry registry)
    {
        Register(registry, new EnvSpec("FrozenLake-v1", 100, 0.70, IntegerRewards: true, RenderFps: RenderFps),
            (spec, kwargs) => FrozenLake.Create(spec, kwargs, defaultMapName: "4x4"));
        Register(registry, new EnvSpec("FrozenLake8x8-v1", 200, 0.85, IntegerRewards: true, RenderFps: RenderFps),
            (spec, kwargs) => FrozenLake.Create(spec, kwargs, defaultMapName: "8x8"));
        Register(registry, new EnvSpec("Taxi-v3", 200, 8, IntegerRewards: true, RenderFps: RenderFps,
                Gymnasium: GymnasiumVersions.TaxiV3, DeprecatedBy: "Taxi-v4"),
            Taxi.CreateV3);
        Register(registry, new EnvSpec("Taxi-v4", 200, 8, IntegerRewards: true, RenderFps: RenderFps),
            Taxi.CreateV4);
        Register(registry, new EnvSpec("CliffWalking-v1", null, null, IntegerRewards: true, RenderFps: RenderFps),
            (spec, kwargs) => CliffWalking.Create(spec, kwargs, defaultSlippery: false));
        Register(registry, new EnvSpec("CliffWalkingSlippery-v1", null, null, IntegerRewards: true, RenderFps: RenderFps),
            (spec, kwargs) => CliffWalking.Create(spec, kwargs, defaultSlippery: true));
        Register(registry, new EnvSpec("Blackjack-v1", null, null, RenderFps: RenderFps),
            Blackjack.Create);
    }

    /// <summary>Registers a spec that follows <see cref="GymnasiumVersions.Native"/> unless it names another release.</summary>
    private static void Register(EnvRegistry registry, EnvSpec spec, Func<EnvSpec, EnvKwargs, IEnv> factory) =>
        registry.Register(new EnvRegistration(spec with { Gymnasium = spec.Gymnasium ?? GymnasiumVersions.Native }, factory));
}
