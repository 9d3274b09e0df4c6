using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Rendering;
using GymServer.Engine.Spaces;
using GymServer.Engine.Wrappers;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Sessions;

/// <summary>
/// An env of another backend (a Python worker's) whose last wrappers run here, in C#: the worker applies the
/// wrappers before them and returns its observation, which the native wrappers (<see cref="NativeWrappers"/>, the
/// same code native envs use) turn into the observation the client gets. The client sees the spaces of the whole
/// chain, as if Gymnasium had applied every wrapper. Only wrappers that call the env under them exactly once per
/// reset and per step and leave the action alone can run here (<see cref="NativeWrappers.ServerSideStart"/>
/// chooses them): the chain is given what the worker already returned.
/// </summary>
public sealed class NativeWrappedEnvInstance : IEnvInstance
{
    private readonly IEnvInstance _inner;
    private readonly Returned _returned;
    private readonly IEnv _chain;

    private NativeWrappedEnvInstance(IEnvInstance inner, Returned returned, IEnv chain)
    {
        _inner = inner;
        _returned = returned;
        _chain = chain;
    }

    /// <summary>
    /// <paramref name="inner"/> with <paramref name="wrappers"/> applied here. If a wrapper refuses the inner
    /// instance's spaces, its error is thrown and <paramref name="inner"/> is left to the caller.
    /// </summary>
    public static NativeWrappedEnvInstance Wrap(IEnvInstance inner, IReadOnlyList<WrapperSpec> wrappers)
    {
        var returned = new Returned(inner);
        return new NativeWrappedEnvInstance(inner, returned, NativeWrappers.Apply(returned, wrappers));
    }

    public string InstanceId => _inner.InstanceId;

    public string Backend => _inner.Backend;

    public EnvSpec Spec => _chain.Spec;

    public Space ObservationSpace => _chain.ObservationSpace;

    public Space ActionSpace => _chain.ActionSpace;

    /// <summary>
    /// The inner instance's batch: a reset or step here starts the inner one at once (queued in its batch) and runs
    /// the chain when it completes, so sub-envs of a vector on one worker still go in one request.
    /// </summary>
    public IEnvCallBatch? CallBatch => _inner.CallBatch;

    public async ValueTask ResetAsync(BigInteger? seed, JsonElement? options, Memory<byte> observation, EnvInfo info, CancellationToken cancellationToken)
    {
        await _inner.ResetAsync(seed, options, _returned.Observation, info, cancellationToken).ConfigureAwait(false);
        _chain.Reset(seed, options, observation.Span, info);
    }

    public async ValueTask<StepResult> StepAsync(ReadOnlyMemory<byte> action, Memory<byte> observation, EnvInfo info, CancellationToken cancellationToken)
    {
        _returned.Result = await _inner.StepAsync(action, _returned.Observation, info, cancellationToken).ConfigureAwait(false);
        return _chain.Step(action.Span, observation.Span, info);
    }

    public ValueTask PrepareFramesAsync(CancellationToken cancellationToken) => _inner.PrepareFramesAsync(cancellationToken);

    public ValueTask<RenderedFrame> RenderFrameAsync(CancellationToken cancellationToken) => _inner.RenderFrameAsync(cancellationToken);

    public ValueTask DisposeAsync()
    {
        _chain.Dispose();
        return _inner.DisposeAsync();
    }

    /// <summary>
    /// The env at the bottom of the native chain: what the inner instance returned for the reset or step just made
    /// (its info is already in the caller's <see cref="EnvInfo"/>, which the chain writes on). An observation
    /// wrapper reads the observation where the inner instance wrote it (<see cref="IHeldObservationEnv"/>); other
    /// wrappers (FrameStackObservation) have it copied into their buffers.
    /// </summary>
    private sealed class Returned(IEnvInstance inner) : IHeldObservationEnv
    {
        public byte[] Observation { get; } = new byte[inner.ObservationSpace.ByteSize];

        public StepResult Result { get; set; }

        public ReadOnlySpan<byte> HeldObservation => Observation;

        public EnvSpec Spec => inner.Spec;

        public Space ObservationSpace => inner.ObservationSpace;

        public Space ActionSpace => inner.ActionSpace;

        public void Reset(BigInteger? seed, JsonElement? options, EnvInfo info)
        {
            // Already reset: the observation is held.
        }

        public StepResult Step(ReadOnlySpan<byte> action, EnvInfo info) => Result;

        public void Reset(BigInteger? seed, JsonElement? options, Span<byte> observation, EnvInfo info) => Observation.CopyTo(observation);

        public StepResult Step(ReadOnlySpan<byte> action, Span<byte> observation, EnvInfo info)
        {
            Observation.CopyTo(observation);
            return Result;
        }

        public void Dispose()
        {
            // The inner instance is the decorator's to dispose, asynchronously.
        }
    }
}
