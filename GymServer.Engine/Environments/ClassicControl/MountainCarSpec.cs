using GymServer.Engine.Spaces;
using GymServer.Protocol.Spaces;

namespace GymServer.Engine.Environments.ClassicControl;

/// <summary>
/// Gymnasium's MountainCar (Moore's car in a valley, discrete pushes): constants and spaces, apart from the
/// stepping class. MountainCarContinuous shares the track (<see cref="MinPosition"/> to <see cref="MaxPosition"/>,
/// <see cref="MaxSpeed"/>) but not the goal or the force.
/// </summary>
public static class MountainCarSpec
{
    public const double MinPosition = -1.2;
    public const double MaxPosition = 0.6;
    public const double MaxSpeed = 0.07;
    public const double GoalPosition = 0.5;

    /// <summary>The <c>goal_velocity</c> keyword's default (a Python int 0 in Gymnasium; compares the same).</summary>
    public const double DefaultGoalVelocity = 0.0;

    /// <summary>Velocity change of one push, times (action - 1).</summary>
    public const double Force = 0.001;
    public const double Gravity = 0.0025;

    /// <summary>Bounds of the uniform initial position, unless the reset options give <c>low</c>/<c>high</c>.</summary>
    public const double DefaultResetLow = -0.6;
    public const double DefaultResetHigh = -0.4;

    public const int ObservationSize = 2;
    public const int RenderFps = 30;

    /// <summary>Box([min_position, -max_speed], [max_position, max_speed], float32).</summary>
    public static Box CreateObservationSpace() =>
        new([MinPosition, -MaxSpeed], [MaxPosition, MaxSpeed], [ObservationSize], DType.Float32);

    /// <summary>Discrete(3): push left, no push, push right.</summary>
    public static Discrete CreateActionSpace() => new(3);
}
