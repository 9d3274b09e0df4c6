using GymServer.Engine.Spaces;
using GymServer.Protocol.Spaces;

namespace GymServer.Engine.Environments.ClassicControl;

/// <summary>Gymnasium's Pendulum (inverted pendulum swing-up): constants and spaces, apart from the stepping class.</summary>
public static class PendulumSpec
{
    public const double MaxSpeed = 8;
    public const double MaxTorque = 2.0;
    public const double Dt = 0.05;

    /// <summary>The <c>g</c> keyword's default.</summary>
    public const double DefaultGravity = 10.0;
    public const double Mass = 1.0;
    public const double Length = 1.0;

    /// <summary>Half-widths of the uniform initial (theta, theta_dot), unless reset options give x_init/y_init.</summary>
    public const double DefaultInitialAngle = Math.PI;
    public const double DefaultInitialAngularVelocity = 1.0;

    /// <summary>Cost weights: angle^2 + 0.1 * speed^2 + 0.001 * torque^2.</summary>
    public const double SpeedCostFactor = 0.1;
    public const double TorqueCostFactor = 0.001;

    public const int ObservationSize = 3;
    public const int RenderFps = 30;

    /// <summary>Box(-high, high, float32) with high = [1, 1, max_speed]: cos, sin, angular velocity.</summary>
    public static Box CreateObservationSpace() =>
        new([-1.0, -1.0, -MaxSpeed], [1.0, 1.0, MaxSpeed], [ObservationSize], DType.Float32);

    /// <summary>Box(-2, 2, (1,), float32): the torque.</summary>
    public static Box CreateActionSpace() => new(-MaxTorque, MaxTorque, [1], DType.Float32);

    /// <summary>
    /// <c>((x + pi) % (2 * pi)) - pi</c> with numpy's float64 <c>%</c>: C fmod, moved to the divisor's sign as
    /// Python's modulo is (numpy's <c>npy_remainder</c>).
    /// </summary>
    public static double AngleNormalize(double x) => NumpyRemainder(x + Math.PI, 2 * Math.PI) - Math.PI;

    private static double NumpyRemainder(double a, double b)
    {
        // C#'s % on doubles is C's fmod: exact, with the dividend's sign.
        var mod = a % b;
        if (b == 0)
        {
            return mod;
        }
        if (mod != 0)
        {
            if ((b < 0) != (mod < 0))
            {
                mod += b;
            }
            return mod;
        }
        return Math.CopySign(0.0, b);
    }
}
