namespace GymServer.Engine.Environments.ToyText;

/// <summary>FrozenLake, Taxi, CliffWalking and Blackjack, as Gymnasium registers them.</summary>
public static class ToyTextRegistrations
{
    public static void AddTo(EnvRegistry registry)
    {
    }
}
