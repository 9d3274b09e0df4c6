using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Rendering;
using GymServer.Engine.Spaces;
using GymServer.Engine.Wrappers;
using GymServer.Protocol;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Sessions;

/// <summary>
/// A C# env held by a session. Every call runs synchronously on the caller's thread and returns a completed
/// ValueTask, so a step allocates nothing and never hops threads.
/// </summary>
public sealed class NativeEnvInstance(IEnv env, string instanceId) : IEnvInstance
{
    /// <summary>The frame a recording renders into, made at its first frame and reused: a frame allocates nothing.</summary>
    private byte[]? _frame;

    public string InstanceId { get; } = instanceId;

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

    /// <summary>A C# env draws frames whatever render_mode it was made with: nothing to prepare.</summary>
    public ValueTask PrepareFramesAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask<RenderedFrame> RenderFrameAsync(CancellationToken cancellationToken)
    {
        // A wrapped env renders as the env under its wrappers does (Gymnasium's wrappers pass render() through).
        if (EnvWrapper.Unwrap(env) is not NativeEnv native)
        {
            throw new EnvException(EnvErrorCodes.EnvError, $"{Spec.Id} has no renderer");
        }
        var shape = native.FrameShape;
        if (_frame is null || _frame.Length != shape.ByteSize)
        {
            _frame = new byte[shape.ByteSize];
        }
        native.RenderFrame(_frame);
        return new ValueTask<RenderedFrame>(new RenderedFrame(shape, _frame));
    }

    public ValueTask DisposeAsync()
    {
        env.Dispose();
        return ValueTask.CompletedTask;
    }
}
