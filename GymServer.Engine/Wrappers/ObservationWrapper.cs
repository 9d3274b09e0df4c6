using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// Gymnasium's <c>ObservationWrapper</c>: the wrapped env writes its observation into a buffer this wrapper owns,
/// and <see cref="Observe"/> turns it into this wrapper's observation, after reset and after every step. An env that
/// holds its observation itself (<see cref="IHeldObservationEnv"/>, a worker's reply under the server's wrappers) is
/// read in place, without the copy.
/// </summary>
public abstract class ObservationWrapper : EnvWrapper
{
    private readonly IHeldObservationEnv? _held;
    private readonly byte[] _inner;

    protected ObservationWrapper(IEnv env, Space observationSpace)
        : base(env)
    {
        ObservationSpace = observationSpace;
        _held = env as IHeldObservationEnv;
        _inner = _held is null ? new byte[env.ObservationSpace.ByteSize] : [];
    }

    public sealed override Space ObservationSpace { get; }

    public override void Reset(BigInteger? seed, JsonElement? options, Span<byte> observation, EnvInfo info)
    {
        RequireObservationBuffer(observation);
        if (_held is not null)
        {
            _held.Reset(seed, options, info);
            Observe(_held.HeldObservation, observation);
            return;
        }
        Env.Reset(seed, options, _inner, info);
        Observe(_inner, observation);
    }

    public override StepResult Step(ReadOnlySpan<byte> action, Span<byte> observation, EnvInfo info)
    {
        RequireObservationBuffer(observation);
        if (_held is not null)
        {
            var held = _held.Step(action, info);
            Observe(_held.HeldObservation, observation);
            return held;
        }
        var result = Env.Step(action, _inner, info);
        Observe(_inner, observation);
        return result;
    }

    /// <summary>Gymnasium's <c>observation(obs)</c>: writes this wrapper's observation for the wrapped env's.</summary>
    protected abstract void Observe(ReadOnlySpan<byte> inner, Span<byte> observation);
}
