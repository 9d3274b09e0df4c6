using GymServer.Engine.Environments;
using GymServer.Protocol;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// Gymnasium's <c>ClipReward(env, min_reward=None, max_reward=None)</c>: each reward is <c>np.clip</c>ped to the
/// bounds given (at least one). As in numpy, an int reward clipped by int bounds stays an int; a float bound makes
/// it a float.
/// </summary>
public sealed class ClipReward : EnvWrapper
{
    private readonly double? _min;
    private readonly double? _max;
    private readonly bool _integerBounds;

    /// <param name="env">The env to wrap.</param>
    /// <param name="min">The lower bound, or null for none.</param>
    /// <param name="max">The upper bound, or null for none.</param>
    /// <param name="integerBounds">Whether the bounds given are Python ints (JSON numbers without a point).</param>
    public ClipReward(IEnv env, double? min, double? max, bool integerBounds = false)
        : base(env)
    {
        if (min is null && max is null)
        {
            throw new EnvException(EnvErrorCodes.InvalidArgument, "give min_reward, max_reward or both: both cannot be null");
        }
        if (min is { } low && max is { } high && high - low < 0)
        {
            throw new EnvException(
                EnvErrorCodes.InvalidArgument,
                $"min_reward ({WrapperRequirements.Number(low)}) must not exceed max_reward ({WrapperRequirements.Number(high)})");
        }
        _min = min;
        _max = max;
        _integerBounds = integerBounds;
        Spec = env.Spec with { IntegerRewards = env.Spec.IntegerRewards && integerBounds };
    }

    public override EnvSpec Spec { get; }

    public static ClipReward Create(IEnv env, EnvKwargs kwargs)
    {
        var min = kwargs.GetOptionalNumber("min_reward", out var minIsInteger);
        var max = kwargs.GetOptionalNumber("max_reward", out var maxIsInteger);
        return new ClipReward(env, min, max, (min is null || minIsInteger) && (max is null || maxIsInteger));
    }

    public override StepResult Step(ReadOnlySpan<byte> action, Span<byte> observation, EnvInfo info)
    {
        var result = Env.Step(action, observation, info);
        var reward = result.Reward;
        if (_min is { } min)
        {
            reward = NumpyClip.Maximum(reward, min);
        }
        if (_max is { } max)
        {
            reward = NumpyClip.Minimum(reward, max);
        }
        return result with { Reward = reward, IntegerReward = result.IntegerReward && _integerBounds };
    }
}
