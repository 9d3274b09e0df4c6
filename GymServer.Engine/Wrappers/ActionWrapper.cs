using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// Gymnasium's <c>ActionWrapper</c>: <see cref="Act"/> turns an action of this wrapper's action space into one of
/// the wrapped env's, in a buffer this wrapper owns, before every step.
/// </summary>
public abstract class ActionWrapper : EnvWrapper
{
    private readonly byte[] _inner;

    protected ActionWrapper(IEnv env, Space actionSpace)
        : base(env)
    {
        ActionSpace = actionSpace;
        _inner = new byte[env.ActionSpace.ByteSize];
    }

    public sealed override Space ActionSpace { get; }

    public override StepResult Step(ReadOnlySpan<byte> action, Span<byte> observation, EnvInfo info)
    {
        if (action.Length != ActionSpace.ByteSize)
        {
            throw new EnvException(
                EnvErrorCodes.InvalidAction,
                $"{Spec.Id}: expected an action of {ActionSpace.ByteSize} bytes for {ActionSpace.DescriptionJson()}, got {action.Length}");
        }
        Act(action, _inner);
        return Env.Step(_inner, observation, info);
    }

    /// <summary>Gymnasium's <c>action(act)</c>: writes the wrapped env's action for this wrapper's.</summary>
    protected abstract void Act(ReadOnlySpan<byte> action, Span<byte> inner);
}
