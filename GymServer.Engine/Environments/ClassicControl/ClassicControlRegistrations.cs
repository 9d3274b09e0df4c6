namespace GymServer.Engine.Environments.ClassicControl;

/// <summary>CartPole, MountainCar, MountainCarContinuous, Pendulum and Acrobot, as Gymnasium registers them.</summary>
public static class ClassicControlRegistrations
{
    public static void AddTo(EnvRegistry registry)
    {
    }
}
