using System.Buffers.Binary;
using System.Text.Json;
using GymServer.Engine.Rendering;
using GymServer.Engine.Rendering.ClassicControl;
using GymServer.Protocol.Values;
using static GymServer.Engine.Environments.ClassicControl.PendulumSpec;

namespace GymServer.Engine.Environments.ClassicControl;

/// <summary>
/// Pendulum-v1 as Gymnasium 1.4.0 steps it: float64 (theta, theta_dot), the torque clipped in float32, and
/// Python's <c>x**2</c> as C's <c>pow(x, 2)</c> (not <c>x * x</c>, which can differ in the last bit).
/// </summary>
public sealed class Pendulum : NativeEnv
{
    private readonly double _gravity;
    private double _theta;
    private double _thetaDot;

    /// <summary>Gymnasium's <c>last_u</c>: the clipped torque of the last step, null after a reset.</summary>
    private double? _lastTorque;

    public Pendulum(EnvSpec spec, double gravity = DefaultGravity)
        : base(spec, CreateObservationSpace(), CreateActionSpace())
    {
        _gravity = gravity;
    }

    /// <summary>The angle (theta, radians; 0 is upright), for the renderer.</summary>
    internal double Angle => _theta;

    /// <summary>The last step's clipped torque, null after a reset: the renderer draws an arrow that size.</summary>
    internal double? LastTorque => _lastTorque;

    /// <summary>Makes the env from <c>gymnasium.make</c> keyword arguments (<c>g</c>).</summary>
    public static Pendulum Create(EnvSpec spec, EnvKwargs kwargs) => new(spec, kwargs.GetDouble("g", DefaultGravity));

    /// <summary>The options x_init and y_init set the half-widths of the uniform initial angle and speed.</summary>
    protected override void ResetCore(JsonElement? options, Span<byte> observation, EnvInfo info)
    {
        var angle = DefaultInitialAngle;
        var speed = DefaultInitialAngularVelocity;
        if (ResetBounds.TryGetObject(options, out var values))
        {
            if (values.TryGetProperty("x_init", out var x))
            {
                angle = ResetBounds.ToFloat(x, "x_init");
            }
            if (values.TryGetProperty("y_init", out var y))
            {
                speed = ResetBounds.ToFloat(y, "y_init");
            }
            ResetBounds.RequireUniformRange(-angle, angle);
            ResetBounds.RequireUniformRange(-speed, speed);
        }
        // uniform(low=-high, high=high) with high an array: one draw per element, in order.
        var random = NpRandom;
        _theta = random.Uniform(-angle, angle);
        _thetaDot = random.Uniform(-speed, speed);
        _lastTorque = null;
        WriteObservation(observation);
    }

    /// <summary>Out-of-range torques are clipped, as Gymnasium does; NaN, infinity or a wrong size are refused.</summary>
    protected override void ValidateAction(ReadOnlySpan<byte> action) => RequireFiniteBoxAction(action);

    protected override StepResult StepCore(ReadOnlySpan<byte> action, Span<byte> observation, EnvInfo info)
    {
        // np.clip on the float32 action keeps float32; the arithmetic below widens it to float64.
        double torque = Math.Clamp(BinaryPrimitives.ReadSingleLittleEndian(action), (float)-MaxTorque, (float)MaxTorque);
        _lastTorque = torque;
        var costs = Math.Pow(AngleNormalize(_theta), 2)
            + (SpeedCostFactor * Math.Pow(_thetaDot, 2))
            + (TorqueCostFactor * Math.Pow(torque, 2));

        var angularAcceleration = (3 * _gravity / (2 * Length) * Math.Sin(_theta))
            + (3.0 / (Mass * Math.Pow(Length, 2)) * torque);
        var thetaDot = Math.Clamp(_thetaDot + (angularAcceleration * Dt), -MaxSpeed, MaxSpeed);
        _theta += thetaDot * Dt;
        _thetaDot = thetaDot;

        WriteObservation(observation);
        return new StepResult(-costs, false, false);
    }

    private protected override FrameRenderer CreateRenderer() => new PendulumRenderer(this);

    private void WriteObservation(Span<byte> observation)
    {
        ref var start = ref Float32Observation.Start(observation, ObservationSize);
        var (sin, cos) = Math.SinCos(_theta);
        Float32Observation.Set(ref start, 0, cos);
        Float32Observation.Set(ref start, 1, sin);
        Float32Observation.Set(ref start, 2, _thetaDot);
    }
}
