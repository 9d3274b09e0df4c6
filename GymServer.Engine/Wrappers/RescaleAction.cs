using System.Runtime.InteropServices;
using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol;
using GymServer.Protocol.Spaces;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// Gymnasium's <c>RescaleAction(env, min_action, max_action)</c>: the action space becomes Box(min_action,
/// max_action) of the same shape and dtype, and an action a reaches the env as <c>(a - intercept) / gradient</c>,
/// the affine map of Gymnasium's <c>rescale_box</c> with its gradient and intercept rounded as Gymnasium rounds them.
/// </summary>
/// <remarks>
/// Bounds are numbers (one for every element) or lists of the action shape; an element whose wrapped bound is
/// infinite must be given the same infinity ("inf" / "-inf" in JSON), as Gymnasium requires. Refused besides, as
/// Gymnasium after 1.4.0 refuses it: a min_action equal to max_action, whose rescaling has no inverse.
/// </remarks>
public sealed class RescaleAction : ActionWrapper
{
    private readonly DType _dtype;
    private readonly float[] _gradient32;
    private readonly float[] _intercept32;
    private readonly double[] _gradient64;
    private readonly double[] _intercept64;

    public RescaleAction(IEnv env, double[] minAction, double[] maxAction)
        : this(env, WrapperRequirements.FloatBoxActions(env, nameof(RescaleAction)), minAction, maxAction)
    {
    }

    private RescaleAction(IEnv env, Box box, double[] minAction, double[] maxAction)
        : base(env, RescaledSpace(box, minAction, maxAction))
    {
        _dtype = box.DType;
        var count = box.Count;
        _gradient64 = new double[count];
        _intercept64 = new double[count];
        for (var i = 0; i < count; i++)
        {
            (_gradient64[i], _intercept64[i]) = Transform(box, i, minAction[i], maxAction[i]);
        }
        _gradient32 = [.. _gradient64.Select(value => (float)value)];
        _intercept32 = [.. _intercept64.Select(value => (float)value)];
    }

    /// <summary>The float32 gradient and intercept, for tests that check them against Gymnasium's.</summary>
    internal ReadOnlySpan<float> Gradient => _gradient32;

    internal ReadOnlySpan<float> Intercept => _intercept32;

    public static RescaleAction Create(IEnv env, EnvKwargs kwargs)
    {
        var box = WrapperRequirements.FloatBoxActions(env, nameof(RescaleAction));
        return new RescaleAction(env, box, kwargs.RequireBounds("min_action", box.Count), kwargs.RequireBounds("max_action", box.Count));
    }

    protected override void Act(ReadOnlySpan<byte> action, Span<byte> inner)
    {
        if (_dtype == DType.Float32)
        {
            var values = MemoryMarshal.Cast<byte, float>(action);
            var output = MemoryMarshal.Cast<byte, float>(inner);
            for (var i = 0; i < values.Length; i++)
            {
                output[i] = (values[i] - _intercept32[i]) / _gradient32[i];
            }
        }
        else
        {
            var values = MemoryMarshal.Cast<byte, double>(action);
            var output = MemoryMarshal.Cast<byte, double>(inner);
            for (var i = 0; i < values.Length; i++)
            {
                output[i] = (values[i] - _intercept64[i]) / _gradient64[i];
            }
        }
    }

    /// <summary>rescale_box's checks, then the Box(min_action, max_action) of the wrapped dtype.</summary>
    private static Box RescaledSpace(Box box, double[] minAction, double[] maxAction)
    {
        for (var i = 0; i < box.Count; i++)
        {
            var (low, high, min, max) = (box.Low[i], box.High[i], minAction[i], maxAction[i]);
            if ((double.IsInfinity(min) || double.IsInfinity(low)) && min != low)
            {
                throw Invalid($"min_action element {i} is {WrapperRequirements.Number(min)} but the action space's low is {WrapperRequirements.Number(low)}: an infinite bound must stay as it is");
            }
            if ((double.IsInfinity(max) || double.IsInfinity(high)) && max != high)
            {
                throw Invalid($"max_action element {i} is {WrapperRequirements.Number(max)} but the action space's high is {WrapperRequirements.Number(high)}: an infinite bound must stay as it is");
            }
            if (!(min <= max))
            {
                throw Invalid($"min_action must not exceed max_action, but element {i} has {WrapperRequirements.Number(min)} > {WrapperRequirements.Number(max)}");
            }
            if (low == high && double.IsFinite(min) && double.IsFinite(max))
            {
                throw Invalid($"the action space's element {i} has low = high = {WrapperRequirements.Number(low)}: it has no range to rescale");
            }
        }
        var rescaled = new Box(minAction, maxAction, box.Shape.ToArray(), box.DType);
        for (var i = 0; i < box.Count; i++)
        {
            // Compared after the cast to the dtype, as Gymnasium compares the new Box's bounds.
            if (rescaled.Low[i] == rescaled.High[i])
            {
                throw Invalid($"min_action must be below max_action: element {i} is {WrapperRequirements.Number(rescaled.Low[i])} for both, and a rescaling onto one point has no inverse");
            }
        }
        return rescaled;
    }

    /// <summary>rescale_box's gradient and intercept for one element, rounded to the dtype as Gymnasium stores them.</summary>
    private static (double Gradient, double Intercept) Transform(Box box, int i, double min, double max)
    {
        var float32 = box.DType == DType.Float32;
        var (low, high) = (box.Low[i], box.High[i]);
        var gradient = 1.0;
        if (double.IsFinite(min) && double.IsFinite(max))
        {
            // new_max - new_min in float64, divided in long double by the long double difference of the bounds.
            gradient = LongDoubleQuotient.Divide(max - min, high, low, float32);
        }
        var intercept = 0.0;
        if (double.IsFinite(max))
        {
            intercept = Round(max - high, float32);
        }
        if (double.IsFinite(min))
        {
            // gradient * -low in the dtype, then + new_min in float64, stored in the dtype.
            var product = float32 ? (double)((float)gradient * -(float)low) : gradient * -low;
            intercept = Round(product + min, float32);
        }
        return (gradient, intercept);
    }

    private static double Round(double value, bool float32) => float32 ? (float)value : value;

    private static EnvException Invalid(string message) => new(EnvErrorCodes.InvalidArgument, message);
}
