using System.Runtime.InteropServices;
using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol.Spaces;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// Gymnasium's <c>ClipAction(env)</c>: the action space becomes Box(-inf, inf) of the same shape and dtype, and
/// each action is clipped to the wrapped env's bounds as <c>np.clip</c> does before the env sees it.
/// </summary>
public sealed class ClipAction : ActionWrapper
{
    private readonly Box _bounds;

    public ClipAction(IEnv env)
        : this(env, WrapperRequirements.FloatBoxActions(env, nameof(ClipAction)))
    {
    }

    private ClipAction(IEnv env, Box bounds)
        : base(env, new Box(double.NegativeInfinity, double.PositiveInfinity, bounds.Shape.ToArray(), bounds.DType))
    {
        _bounds = bounds;
    }

    public static ClipAction Create(IEnv env, EnvKwargs kwargs) => new(env);

    protected override void Act(ReadOnlySpan<byte> action, Span<byte> inner)
    {
        if (_bounds.DType == DType.Float32)
        {
            Clip(MemoryMarshal.Cast<byte, float>(action), MemoryMarshal.Cast<byte, float>(inner));
        }
        else
        {
            Clip(MemoryMarshal.Cast<byte, double>(action), MemoryMarshal.Cast<byte, double>(inner));
        }
    }

    private void Clip(ReadOnlySpan<float> action, Span<float> inner)
    {
        // The bounds are float32 values held as doubles: narrowing them is exact.
        for (var i = 0; i < action.Length; i++)
        {
            inner[i] = NumpyClip.Clip(action[i], (float)_bounds.Low[i], (float)_bounds.High[i]);
        }
    }

    private void Clip(ReadOnlySpan<double> action, Span<double> inner)
    {
        for (var i = 0; i < action.Length; i++)
        {
            inner[i] = NumpyClip.Clip(action[i], _bounds.Low[i], _bounds.High[i]);
        }
    }
}
