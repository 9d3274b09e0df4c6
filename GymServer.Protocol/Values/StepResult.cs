namespace GymServer.Protocol.Values;

/// <summary>What a step returns besides its observation and info: Gymnasium's reward, terminated, truncated.</summary>
/// <param name="Reward">The reward, as a double.</param>
/// <param name="Terminated">The episode reached a terminal state.</param>
/// <param name="Truncated">The episode was cut short (TimeLimit).</param>
/// <param name="IntegerReward">
/// The env returned a Python int (a Python env says so step by step), so encoders write <c>1</c> rather than
/// <c>1.0</c> as Gymnasium's JSON would. Native envs say it once, in their spec (EnvSpec.IntegerRewards).
/// </param>
public readonly record struct StepResult(double Reward, bool Terminated, bool Truncated, bool IntegerReward = false)
{
    /// <summary>The old single flag: the episode is over, for either reason.</summary>
    public bool Done => Terminated || Truncated;
}
