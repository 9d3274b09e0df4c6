namespace GymServer.Engine.Environments;

/// <summary>The registry of every env GymServer runs in C#, under Gymnasium's ids and defaults.</summary>
public static class NativeEnvironments
{
    public static EnvRegistry CreateRegistry()
    {
        var registry = new EnvRegistry();
        ClassicControl.ClassicControlRegistrations.AddTo(registry);
        ToyText.ToyTextRegistrations.AddTo(registry);
        return registry;
    }
}
