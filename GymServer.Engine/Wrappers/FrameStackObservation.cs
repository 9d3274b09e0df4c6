using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// Gymnasium's <c>FrameStackObservation(env, stack_size, padding_type)</c>: the observation is the last
/// <c>stack_size</c> observations, oldest first, in <c>batch_space</c> of the wrapped space (see
/// <see cref="SpaceBatching"/>). After a reset the older frames are the reset observation itself ("reset", the
/// default), the space's zero value ("zero") or a given observation of the wrapped space.
/// </summary>
public sealed class FrameStackObservation : EnvWrapper
{
    private readonly SpaceBatching _batching;
    private readonly int _frameSize;
    private readonly byte[] _frames;
    // Null for "reset": pad with the reset observation.
    private readonly byte[]? _padding;
    private int _newest;

    /// <param name="env">The env to wrap.</param>
    /// <param name="stackSize">How many observations to stack.</param>
    /// <param name="padding">A value of the wrapped observation space to pad with, or null to pad with the reset observation.</param>
    public FrameStackObservation(IEnv env, int stackSize, byte[]? padding)
        : base(env)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stackSize);
        _frameSize = env.ObservationSpace.ByteSize;
        if (padding is not null && padding.Length != _frameSize)
        {
            throw new ArgumentException($"the padding value has {padding.Length} bytes, an observation {_frameSize}", nameof(padding));
        }
        _batching = new SpaceBatching(env.ObservationSpace, stackSize);
        _frames = new byte[stackSize * _frameSize];
        _padding = padding;
    }

    public override Space ObservationSpace => _batching.Space;

    public static FrameStackObservation Create(IEnv env, EnvKwargs kwargs)
    {
        var stackSize = kwargs.RequireInt("stack_size", minimum: 1);
        if (!kwargs.TryGet("padding_type", out var padding) || (padding.ValueKind == JsonValueKind.String && padding.GetString() == "reset"))
        {
            return new FrameStackObservation(env, stackSize, null);
        }
        var space = env.ObservationSpace;
        var value = new byte[space.ByteSize];
        if (padding.ValueKind == JsonValueKind.String && padding.GetString() == "zero")
        {
            ZeroValue.Write(space, value);
            return new FrameStackObservation(env, stackSize, value);
        }
        var expected = $"\"reset\", \"zero\" or an observation of {space.DescriptionJson()}";
        try
        {
            space.ReadValue(padding, value);
        }
        catch (ProtocolException)
        {
            // A value not of the space's form: the description's reader refuses it as the wire would (invalid_action).
            throw EnvKwargs.Invalid("padding_type", expected);
        }
        return space.Contains(value) ? new FrameStackObservation(env, stackSize, value) : throw EnvKwargs.Invalid("padding_type", expected);
    }

    public override void Reset(BigInteger? seed, JsonElement? options, Span<byte> observation, EnvInfo info)
    {
        RequireObservationBuffer(observation);
        var count = _batching.Count;
        var newest = Frame(count - 1);
        Env.Reset(seed, options, newest, info);
        ReadOnlySpan<byte> padding = _padding is null ? newest : _padding;
        for (var slot = 0; slot < count - 1; slot++)
        {
            padding.CopyTo(Frame(slot));
        }
        _newest = count - 1;
        _batching.Stack(_frames, 0, observation);
    }

    public override StepResult Step(ReadOnlySpan<byte> action, Span<byte> observation, EnvInfo info)
    {
        RequireObservationBuffer(observation);
        // The step writes over the oldest frame; a step that fails leaves it to be written over again.
        var slot = (_newest + 1) % _batching.Count;
        var result = Env.Step(action, Frame(slot), info);
        _newest = slot;
        _batching.Stack(_frames, (slot + 1) % _batching.Count, observation);
        return result;
    }

    private Span<byte> Frame(int slot) => _frames.AsSpan(slot * _frameSize, _frameSize);
}
