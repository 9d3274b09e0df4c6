using GymServer.Engine.Spaces;
using GymServer.Protocol.Spaces;

namespace GymServer.Engine.Environments.ClassicControl;

/// <summary>
/// Gymnasium's Acrobot (Sutton and Barto's two-link pendulum, "book" dynamics): constants and spaces, apart from
/// the stepping class. Products of constants that Gymnasium forms left to right are formed the same way here.
/// </summary>
public static class AcrobotSpec
{
    /// <summary>Seconds per step, integrated by one RK4 step.</summary>
    public const double Dt = 0.2;

    public const double LinkLength1 = 1.0;
    public const double LinkLength2 = 1.0;
    public const double LinkMass1 = 1.0;
    public const double LinkMass2 = 1.0;

    /// <summary>Position of each link's centre of mass along the link.</summary>
    public const double LinkComPosition1 = 0.5;
    public const double LinkComPosition2 = 0.5;

    /// <summary>Moment of inertia of both links.</summary>
    public const double LinkMoment = 1.0;
    public const double Gravity = 9.8;

    public const double MaxVelocity1 = 4 * Math.PI;
    public const double MaxVelocity2 = 9 * Math.PI;

    /// <summary>Torque of each action: -1, 0, +1 (no torque noise: Gymnasium's torque_noise_max is 0).</summary>
    public static ReadOnlySpan<double> AvailableTorque => [-1.0, 0.0, 1.0];

    public const double DefaultResetLow = -0.1;
    public const double DefaultResetHigh = 0.1;

    public const int ObservationSize = 6;
    public const int RenderFps = 15;

    /// <summary>Box(-high, high, float32) with high = [1, 1, 1, 1, max_vel_1, max_vel_2].</summary>
    public static Box CreateObservationSpace()
    {
        double[] high = [1.0, 1.0, 1.0, 1.0, MaxVelocity1, MaxVelocity2];
        return new Box(high.Select(bound => -bound).ToArray(), high, [ObservationSize], DType.Float32);
    }

    public static Discrete CreateActionSpace() => new(3);
}
