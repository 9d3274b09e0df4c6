namespace GymServer.Engine.Environments;

/// <summary>What a step returns besides its observation and info: Gymnasium's reward, terminated, truncated.</summary>
public readonly record struct StepResult(double Reward, bool Terminated, bool Truncated)
{
    /// <summary>The old single flag: the episode is over, for either reason.</summary>
    public bool Done => Terminated || Truncated;
}
