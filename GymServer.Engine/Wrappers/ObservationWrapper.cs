using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// Gymnasium's <c>ObservationWrapper</c>: the wrapped env writes its observation into a buffer this wrapper owns,
/// and <see cref="Observe"/> turns it into this wrapper's observation, after reset and after every step.
/// </summary>
public abstract class ObservationWrapper : EnvWrapper
{
    private readonly byte[] _inner;

    protected ObservationWrapper(IEnv env, Space observationSpace)
        : base(env)
    {
        ObservationSpace = observationSpace;
        _inner = new byte[env.ObservationSpace.ByteSize];
    }

    public sealed override Space ObservationSpace { get; }

    public override void Reset(BigInteger? seed, JsonElement? options, Span<byte> observation, EnvInfo info)
    {
        RequireObservationBuffer(observation);
        Env.Reset(seed, options, _inner, info);
        Observe(_inner, observation);
    }

    public override StepResult Step(ReadOnlySpan<byte> action, Span<byte> observation, EnvInfo info)
    {
        RequireObservationBuffer(observation);
        var result = Env.Step(action, _inner, info);
        Observe(_inner, observation);
        return result;
    }

    /// <summary>Gymnasium's <c>observation(obs)</c>: writes this wrapper's observation for the wrapped env's.</summary>
    protected abstract void Observe(ReadOnlySpan<byte> inner, Span<byte> observation);
}
