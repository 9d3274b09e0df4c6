using GymServer.Engine.Spaces;
using GymServer.Protocol.Spaces;

namespace GymServer.Engine.Environments.ClassicControl;

/// <summary>
/// Gymnasium's CartPole (Barto, Sutton and Anderson's cart-pole): physics constants and spaces, kept apart from
/// the stepping class as envpool keeps <c>CartPoleEnvFns</c> apart from <c>CartPoleEnv</c>. Derived constants are
/// computed in the order Gymnasium computes them, so they round the same way.
/// </summary>
public static class CartPoleSpec
{
    public const double Gravity = 9.8;
    public const double MassCart = 1.0;
    public const double MassPole = 0.1;
    public const double TotalMass = MassPole + MassCart;

    /// <summary>Half the pole's length, as in the original code.</summary>
    public const double Length = 0.5;
    public const double PoleMassLength = MassPole * Length;
    public const double ForceMagnitude = 10.0;

    /// <summary>Seconds between state updates (explicit Euler).</summary>
    public const double Tau = 0.02;

    /// <summary>12 degrees: <c>12 * 2 * math.pi / 360</c>.</summary>
    public const double ThetaThresholdRadians = 12 * 2 * Math.PI / 360;
    public const double XThreshold = 2.4;

    /// <summary>Bounds of the uniform initial state, unless the reset options give <c>low</c>/<c>high</c>.</summary>
    public const double DefaultResetLow = -0.05;
    public const double DefaultResetHigh = 0.05;

    public const int ObservationSize = 4;
    public const int RenderFps = 50;

    /// <summary>Box(-high, high, float32) with high = [2 x_threshold, inf, 2 theta_threshold, inf].</summary>
    public static Box CreateObservationSpace()
    {
        double[] high = [XThreshold * 2, double.PositiveInfinity, ThetaThresholdRadians * 2, double.PositiveInfinity];
        return new Box(high.Select(bound => -bound).ToArray(), high, [ObservationSize], DType.Float32);
    }

    /// <summary>Discrete(2): 0 pushes the cart left, 1 right.</summary>
    public static Discrete CreateActionSpace() => new(2);
}
