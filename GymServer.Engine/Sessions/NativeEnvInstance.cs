using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Sessions;

/// <summary>
/// A C# env held by a session. Every call runs synchronously on the caller's thread and returns a completed
/// ValueTask, so a step allocates nothing and never hops threads.
/// </summary>
public sealed class NativeEnvInstance(IEnv env, string instanceId) : IEnvInstance
{
    public string InstanceId { get; } = instanceId;

    /// <summary>The env itself (recordings render it).</summary>
    internal IEnv Env => env;

    public string Backend => NativeEnvProvider.BackendName;

    public EnvSpec Spec => env.Spec;

    public Space ObservationSpace => env.ObservationSpace;

    public Space ActionSpace => env.ActionSpace;

    public ValueTask ResetAsync(BigInteger? seed, JsonElement? options, Memory<byte> observation, EnvInfo info, CancellationToken cancellationToken)
    {
        env.Reset(seed, options, observation.Span, info);
        return ValueTask.CompletedTask;
    }

    public ValueTask<StepResult> StepAsync(ReadOnlyMemory<byte> action, Memory<byte> observation, EnvInfo info, CancellationToken cancellationToken) =>
        new(env.Step(action.Span, observation.Span, info));

    public ValueTask DisposeAsync()
    {
        env.Dispose();
        return ValueTask.CompletedTask;
    }
}
