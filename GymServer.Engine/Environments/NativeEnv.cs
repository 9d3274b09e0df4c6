using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Random;
using GymServer.Engine.Spaces;
using GymServer.Protocol;
using GymServer.Protocol.Spaces;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Environments;

/// <summary>
/// Base of the C# envs. It does what Gymnasium's <c>make</c> wraps around an env: OrderEnforcing (no step before
/// reset), the action check, and TimeLimit; and it owns the env's <c>np_random</c>, seeded as Gymnasium seeds it.
/// </summary>
public abstract partial class NativeEnv : IEnv
{
    private NumpyGenerator? _random;
    private bool _hasReset;
    private int _elapsedSteps;

    protected NativeEnv(EnvSpec spec, Space observationSpace, Space actionSpace)
    {
        Spec = spec;
        ObservationSpace = observationSpace;
        ActionSpace = actionSpace;
    }

    public EnvSpec Spec { get; }

    public Space ObservationSpace { get; }

    public Space ActionSpace { get; }

    /// <summary>Steps since the last reset, as TimeLimit counts them.</summary>
    public int ElapsedSteps => _elapsedSteps;

    /// <summary>Gymnasium's <c>env.np_random</c>: seeded from OS entropy on first use if never seeded.</summary>
    protected NumpyGenerator NpRandom => _random ??= NumpyGenerator.FromSeed(null);

    public void Reset(BigInteger? seed, JsonElement? options, Span<byte> observation, EnvInfo info)
    {
        if (seed is not null)
        {
            _random = NumpyGenerator.FromSeed(seed);
        }
        info.Clear();
        ResetCore(options, observation, info);
        _hasReset = true;
        _elapsedSteps = 0;
    }

    /// <summary>Whether the env has been reset at least once, so it has a state to step or draw.</summary>
    protected bool HasReset => _hasReset;

    public StepResult Step(ReadOnlySpan<byte> action, Span<byte> observation, EnvInfo info)
    {
        if (!_hasReset)
        {
            throw new EnvException(EnvErrorCodes.ResetNeeded, $"{Spec.Id}: call reset before step");
        }
        ValidateAction(action);
        info.Clear();
        var result = StepCore(action, observation, info);
        _elapsedSteps++;
        if (Spec.MaxEpisodeSteps is int limit && _elapsedSteps >= limit)
        {
            result = result with { Truncated = true };
        }
        return result;
    }

    public virtual void Dispose()
    {
        DisposeRenderer();
        GC.SuppressFinalize(this);
    }

    protected abstract void ResetCore(JsonElement? options, Span<byte> observation, EnvInfo info);

    protected abstract StepResult StepCore(ReadOnlySpan<byte> action, Span<byte> observation, EnvInfo info);

    /// <summary>
    /// Refuses an action outside the action space. Envs whose Gymnasium original clips a continuous action
    /// override this to refuse only what clipping cannot mend (NaN, wrong size).
    /// </summary>
    protected virtual void ValidateAction(ReadOnlySpan<byte> action)
    {
        if (!ActionSpace.Contains(action))
        {
            throw new EnvException(
                EnvErrorCodes.InvalidAction,
                $"{Spec.Id}: action {ActionSpace.ValueJson(action)} is not in the action space {ActionSpace.DescriptionJson()}");
        }
    }

    /// <summary>For Box-action envs that clip: every element must be a finite number.</summary>
    protected void RequireFiniteBoxAction(ReadOnlySpan<byte> action)
    {
        var box = (Box)ActionSpace;
        if (action.Length != box.ByteSize)
        {
            throw new EnvException(EnvErrorCodes.InvalidAction, $"{Spec.Id}: expected an action of shape {box.ShapeText()}");
        }
        for (var i = 0; i < box.Count; i++)
        {
            if (!double.IsFinite(Elements.ReadDouble(action, box.DType, i)))
            {
                throw new EnvException(EnvErrorCodes.InvalidAction, $"{Spec.Id}: action elements must be finite numbers");
            }
        }
    }
}
