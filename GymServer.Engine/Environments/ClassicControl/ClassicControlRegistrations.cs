namespace GymServer.Engine.Environments.ClassicControl;

/// <summary>CartPole, MountainCar, MountainCarContinuous, Pendulum and Acrobot, as Gymnasium 1.4.0 registers them.</summary>
public static class ClassicControlRegistrations
{
    public static void AddTo(EnvRegistry registry)
    {
        registry.Register(new EnvRegistration(
            new EnvSpec("CartPole-v0", MaxEpisodeSteps: 200, RewardThreshold: 195.0, RenderFps: CartPoleSpec.RenderFps, Gymnasium: GymnasiumVersions.Native),
            CartPole.Create));
        registry.Register(new EnvRegistration(
            new EnvSpec("CartPole-v1", MaxEpisodeSteps: 500, RewardThreshold: 475.0, RenderFps: CartPoleSpec.RenderFps, Gymnasium: GymnasiumVersions.Native),
            CartPole.Create));
        registry.Register(new EnvRegistration(
            new EnvSpec("MountainCar-v0", MaxEpisodeSteps: 200, RewardThreshold: -110.0, RenderFps: MountainCarSpec.RenderFps, Gymnasium: GymnasiumVersions.Native),
            MountainCar.Create));
        registry.Register(new EnvRegistration(
            new EnvSpec(
                "MountainCarContinuous-v0",
                MaxEpisodeSteps: 999,
                RewardThreshold: 90.0,
                RenderFps: MountainCarContinuousSpec.RenderFps, Gymnasium: GymnasiumVersions.Native),
            MountainCarContinuous.Create));
        registry.Register(new EnvRegistration(
            new EnvSpec("Pendulum-v1", MaxEpisodeSteps: 200, RewardThreshold: null, RenderFps: PendulumSpec.RenderFps, Gymnasium: GymnasiumVersions.Native),
            Pendulum.Create));
        registry.Register(new EnvRegistration(
            new EnvSpec("Acrobot-v1", MaxEpisodeSteps: 500, RewardThreshold: -100.0, RenderFps: AcrobotSpec.RenderFps, Gymnasium: GymnasiumVersions.Native),
            Acrobot.Create));
    }
}
