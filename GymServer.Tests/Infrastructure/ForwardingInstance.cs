using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Rendering;
using GymServer.Engine.Sessions;
using GymServer.Engine.Spaces;
using GymServer.Protocol.Values;

namespace GymServer.Tests.Infrastructure;

/// <summary>An env instance that hands every call to another: tests override the calls they watch or delay.</summary>
public abstract class ForwardingInstance(IEnvInstance inner) : IEnvInstance
{
    protected IEnvInstance Inner { get; } = inner;

    public string InstanceId => Inner.InstanceId;

    public virtual string Backend => Inner.Backend;

    public EnvSpec Spec => Inner.Spec;

    public Space ObservationSpace => Inner.ObservationSpace;

    public Space ActionSpace => Inner.ActionSpace;

    public virtual ValueTask ResetAsync(BigInteger? seed, JsonElement? options, Memory<byte> observation, EnvInfo info, CancellationToken cancellationToken) =>
        Inner.ResetAsync(seed, options, observation, info, cancellationToken);

    public virtual ValueTask<StepResult> StepAsync(ReadOnlyMemory<byte> action, Memory<byte> observation, EnvInfo info, CancellationToken cancellationToken) =>
        Inner.StepAsync(action, observation, info, cancellationToken);

    public virtual ValueTask PrepareFramesAsync(CancellationToken cancellationToken) => Inner.PrepareFramesAsync(cancellationToken);

    public virtual ValueTask<RenderedFrame> RenderFrameAsync(CancellationToken cancellationToken) => Inner.RenderFrameAsync(cancellationToken);

    public ValueTask DisposeAsync() => Inner.DisposeAsync();
}
