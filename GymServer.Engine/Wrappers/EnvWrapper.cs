using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// Gymnasium's <c>Wrapper</c>: an env made of another, passing every call through unless a subclass changes it.
/// Wrappers own the env they wrap (disposing one disposes the chain) and keep whatever buffers they need from
/// construction on, so a step through a chain allocates nothing.
/// </summary>
public abstract class EnvWrapper : IEnv
{
    protected EnvWrapper(IEnv env)
    {
        Env = env;
    }

    /// <summary>The env this wrapper wraps (Gymnasium's <c>wrapper.env</c>).</summary>
    public IEnv Env { get; }

    /// <summary>The env under every wrapper (Gymnasium's <c>env.unwrapped</c>): the one that renders.</summary>
    public IEnv Unwrapped => Unwrap(Env);

    public virtual EnvSpec Spec => Env.Spec;

    public virtual Space ObservationSpace => Env.ObservationSpace;

    public virtual Space ActionSpace => Env.ActionSpace;

    /// <summary>The env under every wrapper of <paramref name="env"/>, or the env itself when it is not wrapped.</summary>
    public static IEnv Unwrap(IEnv env)
    {
        while (env is EnvWrapper wrapper)
        {
            env = wrapper.Env;
        }
        return env;
    }

    public virtual void Reset(BigInteger? seed, JsonElement? options, Span<byte> observation, EnvInfo info) =>
        Env.Reset(seed, options, observation, info);

    public virtual StepResult Step(ReadOnlySpan<byte> action, Span<byte> observation, EnvInfo info) =>
        Env.Step(action, observation, info);

    public void Dispose()
    {
        Env.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Refuses an observation buffer whose length is not this wrapper's observation size.</summary>
    protected void RequireObservationBuffer(Span<byte> observation)
    {
        if (observation.Length != ObservationSpace.ByteSize)
        {
            throw new ArgumentException(
                $"the observation buffer holds {observation.Length} bytes; {GetType().Name} writes {ObservationSpace.ByteSize}",
                nameof(observation));
        }
    }
}
