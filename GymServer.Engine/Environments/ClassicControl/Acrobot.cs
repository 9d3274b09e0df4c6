using System.Text.Json;
using GymServer.Engine.Rendering;
using GymServer.Engine.Rendering.ClassicControl;
using GymServer.Engine.Spaces;
using GymServer.Protocol;
using GymServer.Protocol.Values;
using static GymServer.Engine.Environments.ClassicControl.AcrobotSpec;

namespace GymServer.Engine.Environments.ClassicControl;

/// <summary>
/// Acrobot-v1 as Gymnasium 1.4.0 steps it. The reset state is float32 (<c>uniform(...).astype(float32)</c>), so the
/// reset observation takes numpy's own float32 sin/cos; the first step widens the state to float64 and from then
/// on the C library's float64 sin/cos apply.
/// </summary>
public sealed class Acrobot : NativeEnv
{
    /// <summary>Beyond this many turns the wrap loop is refused rather than run (see <see cref="Wrap"/>).</summary>
    private const double MaxWrappableTurns = 1 << 20;

    private AcrobotState _state;

    public Acrobot(EnvSpec spec)
        : base(spec, CreateObservationSpace(), CreateActionSpace())
    {
    }

    /// <summary>The joint angles and speeds, for the renderer.</summary>
    internal AcrobotState State => _state;

    /// <summary>Acrobot takes no keyword arguments.</summary>
    public static Acrobot Create(EnvSpec spec, EnvKwargs kwargs) => new(spec);

    protected override void ResetCore(JsonElement? options, Span<byte> observation, EnvInfo info)
    {
        var (low, high) = ResetBounds.Parse(options, DefaultResetLow, DefaultResetHigh);
        var random = NpRandom;
        var theta1 = (float)random.Uniform(low, high);
        var theta2 = (float)random.Uniform(low, high);
        var dTheta1 = (float)random.Uniform(low, high);
        var dTheta2 = (float)random.Uniform(low, high);
        _state = new AcrobotState(theta1, theta2, dTheta1, dTheta2);

        ref var start = ref Float32Observation.Start(observation, ObservationSize);
        Float32Observation.Set(ref start, 0, NumpyFloat32Trig.Cos(theta1));
        Float32Observation.Set(ref start, 1, NumpyFloat32Trig.Sin(theta1));
        Float32Observation.Set(ref start, 2, NumpyFloat32Trig.Cos(theta2));
        Float32Observation.Set(ref start, 3, NumpyFloat32Trig.Sin(theta2));
        Float32Observation.Set(ref start, 4, dTheta1);
        Float32Observation.Set(ref start, 5, dTheta2);
    }

    protected override StepResult StepCore(ReadOnlySpan<byte> action, Span<byte> observation, EnvInfo info)
    {
        var next = _state.Integrate(AvailableTorque[(int)Discrete.Read(action)]);
        _state = new AcrobotState(
            Wrap(next.Theta1, -Math.PI, Math.PI),
            Wrap(next.Theta2, -Math.PI, Math.PI),
            Bound(next.DTheta1, -MaxVelocity1, MaxVelocity1),
            Bound(next.DTheta2, -MaxVelocity2, MaxVelocity2));

        var (sin1, cos1) = Math.SinCos(_state.Theta1);
        var (sin2, cos2) = Math.SinCos(_state.Theta2);
        var terminated = -cos1 - Math.Cos(_state.Theta2 + _state.Theta1) > 1.0;
        ref var start = ref Float32Observation.Start(observation, ObservationSize);
        Float32Observation.Set(ref start, 0, cos1);
        Float32Observation.Set(ref start, 1, sin1);
        Float32Observation.Set(ref start, 2, cos2);
        Float32Observation.Set(ref start, 3, sin2);
        Float32Observation.Set(ref start, 4, _state.DTheta1);
        Float32Observation.Set(ref start, 5, _state.DTheta2);
        return new StepResult(terminated ? 0.0 : -1.0, terminated, false);
    }

    private protected override FrameRenderer CreateRenderer() => new AcrobotRenderer(this);

    /// <summary>
    /// Gymnasium's <c>wrap</c>: shifts x by whole turns (M - m) into [m, M], one subtraction at a time as Gymnasium
    /// does (the rounding of each one counts). Where Gymnasium would loop for ever (an infinite angle, or one so
    /// large that subtracting a turn changes nothing, which only absurd reset bounds give) this is an error instead.
    /// </summary>
    private double Wrap(double x, double min, double max)
    {
        var turn = max - min;
        if (double.IsInfinity(x) || Math.Abs(x) > MaxWrappableTurns * turn)
        {
            throw new EnvException(
                EnvErrorCodes.EnvError,
                $"{Spec.Id}: angle {x} cannot be wrapped into [-pi, pi] (Gymnasium would loop for ever); reset with smaller bounds");
        }
        while (x > max)
        {
            x -= turn;
        }
        while (x < min)
        {
            x += turn;
        }
        return x;
    }

    /// <summary>Gymnasium's <c>bound</c>: <c>min(max(x, m), M)</c> with Python's builtins.</summary>
    private static double Bound(double x, double min, double max)
    {
        var raised = min > x ? min : x;
        return max < raised ? max : raised;
    }
}
