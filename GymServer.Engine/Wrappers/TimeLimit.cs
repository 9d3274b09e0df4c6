using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// Gymnasium's <c>TimeLimit(env, max_episode_steps)</c>: truncated once the episode has taken that many steps, and
/// the spec's <c>max_episode_steps</c> says so (TimeAwareObservation reads it). It counts its own steps: a limit
/// above the env's registered one leaves the inner truncation as it was.
/// </summary>
public sealed class TimeLimit : EnvWrapper
{
    private readonly int _maxEpisodeSteps;
    private int _elapsedSteps;

    public TimeLimit(IEnv env, int maxEpisodeSteps)
        : base(env)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEpisodeSteps);
        _maxEpisodeSteps = maxEpisodeSteps;
        Spec = env.Spec with { MaxEpisodeSteps = maxEpisodeSteps };
    }

    public override EnvSpec Spec { get; }

    public static TimeLimit Create(IEnv env, EnvKwargs kwargs) =>
        new(env, kwargs.RequireInt("max_episode_steps", minimum: 1));

    public override void Reset(BigInteger? seed, JsonElement? options, Span<byte> observation, EnvInfo info)
    {
        _elapsedSteps = 0;
        Env.Reset(seed, options, observation, info);
    }

    public override StepResult Step(ReadOnlySpan<byte> action, Span<byte> observation, EnvInfo info)
    {
        var result = Env.Step(action, observation, info);
        _elapsedSteps++;
        return _elapsedSteps >= _maxEpisodeSteps ? result with { Truncated = true } : result;
    }
}
