using GymServer.Engine.Spaces;
using GymServer.Protocol.Spaces;

namespace GymServer.Engine.Environments.ClassicControl;

/// <summary>
/// Gymnasium's MountainCarContinuous: constants and spaces, apart from the stepping class. The track is
/// MountainCar's; the goal is nearer (0.45, from Arnaud de Broissia's version) and the action is a force.
/// </summary>
public static class MountainCarContinuousSpec
{
    public const double MinAction = -1.0;
    public const double MaxAction = 1.0;
    public const double MinPosition = MountainCarSpec.MinPosition;
    public const double MaxPosition = MountainCarSpec.MaxPosition;
    public const double MaxSpeed = MountainCarSpec.MaxSpeed;
    public const double GoalPosition = 0.45;
    public const double DefaultGoalVelocity = 0.0;
    public const double Power = 0.0015;

    /// <summary>The slope's pull, written as a literal in Gymnasium's step.</summary>
    public const double Gravity = 0.0025;

    /// <summary>Reward on reaching the goal, before the action cost.</summary>
    public const double GoalReward = 100.0;

    /// <summary>The action cost is <c>pow(action, 2) * 0.1</c>, on the unclipped action.</summary>
    public const double ActionCostFactor = 0.1;

    public const double DefaultResetLow = MountainCarSpec.DefaultResetLow;
    public const double DefaultResetHigh = MountainCarSpec.DefaultResetHigh;

    public const int ObservationSize = 2;
    public const int RenderFps = 30;

    public static Box CreateObservationSpace() =>
        new([MinPosition, -MaxSpeed], [MaxPosition, MaxSpeed], [ObservationSize], DType.Float32);

    /// <summary>Box(-1, 1, (1,), float32): the force applied.</summary>
    public static Box CreateActionSpace() => new(MinAction, MaxAction, [1], DType.Float32);
}
