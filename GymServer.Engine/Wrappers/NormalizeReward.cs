using GymServer.Engine.Environments;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// Gymnasium's <c>NormalizeReward(env, gamma=0.99, epsilon=1e-8)</c>: a discounted sum of rewards (reset to the
/// reward itself on a terminating step, not on reset) updates float64 running statistics, and each reward is
/// divided by <c>sqrt(var + epsilon)</c>. Rewards become floats.
/// </summary>
/// <remarks>
/// Refused besides, as Gymnasium after 1.4.0 refuses them: a gamma outside [0, 1], an epsilon not above zero.
/// </remarks>
public sealed class NormalizeReward : EnvWrapper
{
    private readonly RunningMeanStd _statistics = new(1);
    private readonly double[] _sample = new double[1];
    private readonly double _gamma;
    private readonly double _epsilon;

    public NormalizeReward(IEnv env, double gamma = DefaultGamma, double epsilon = DefaultEpsilon)
        : base(env)
    {
        if (!(gamma >= 0 && gamma <= 1))
        {
            throw EnvKwargs.Invalid("gamma", "a number from 0 to 1");
        }
        if (!(epsilon > 0) || !double.IsFinite(epsilon))
        {
            throw EnvKwargs.Invalid("epsilon", "a finite number above 0");
        }
        _gamma = gamma;
        _epsilon = epsilon;
        Spec = env.Spec with { IntegerRewards = false };
    }

    public const double DefaultGamma = 0.99;

    public const double DefaultEpsilon = 1e-8;

    public override EnvSpec Spec { get; }

    public static NormalizeReward Create(IEnv env, EnvKwargs kwargs) =>
        new(env, kwargs.GetDouble("gamma", DefaultGamma), kwargs.GetDouble("epsilon", DefaultEpsilon));

    public override StepResult Step(ReadOnlySpan<byte> action, Span<byte> observation, EnvInfo info)
    {
        var result = Env.Step(action, observation, info);
        // discounted_reward * gamma * (1 - terminated) + float(reward), in that order.
        _sample[0] = (_sample[0] * _gamma * (result.Terminated ? 0 : 1)) + result.Reward;
        _statistics.Update(_sample);
        var normalized = result.Reward / Math.Sqrt(_statistics.Var[0] + _epsilon);
        return result with { Reward = normalized, IntegerReward = false };
    }
}
