using static GymServer.Engine.Environments.ClassicControl.AcrobotSpec;

namespace GymServer.Engine.Environments.ClassicControl;

/// <summary>
/// The state of the acrobot, (theta1, theta2, dtheta1, dtheta2), and Gymnasium's <c>_dsdt</c> and <c>rk4</c>
/// over it, operation for operation (numpy's float64 array arithmetic rounds each element as scalar code does).
/// </summary>
internal readonly record struct AcrobotState(double Theta1, double Theta2, double DTheta1, double DTheta2)
{
    // Constant factors, grouped as Python evaluates the left-to-right products they start.
    private const double D1Constant = LinkMass1 * (LinkComPosition1 * LinkComPosition1);
    private const double D1SquaredLengths = (LinkLength1 * LinkLength1) + (LinkComPosition2 * LinkComPosition2);
    private const double D1CosineFactor = 2 * LinkLength1 * LinkComPosition2;
    private const double D2SquaredCom = LinkComPosition2 * LinkComPosition2;
    private const double D2CosineFactor = LinkLength1 * LinkComPosition2;
    private const double Phi2Factor = LinkMass2 * LinkComPosition2 * Gravity;
    private const double Phi1SpeedSquaredFactor = -LinkMass2 * LinkLength1 * LinkComPosition2;
    private const double Phi1CrossFactor = 2 * LinkMass2 * LinkLength1 * LinkComPosition2;
    private const double Phi1GravityFactor = ((LinkMass1 * LinkComPosition1) + (LinkMass2 * LinkLength1)) * Gravity;
    private const double Theta2AccelerationFactor = LinkMass2 * LinkLength1 * LinkComPosition2;
    private const double Theta2InertiaTerm = (LinkMass2 * (LinkComPosition2 * LinkComPosition2)) + LinkMoment;

    /// <summary>One RK4 step of length <see cref="AcrobotSpec.Dt"/> under a constant torque.</summary>
    public AcrobotState Integrate(double torque)
    {
        const double halfDt = Dt / 2.0;
        const double sixthDt = Dt / 6.0;
        var k1 = Derivative(torque);
        var k2 = Advance(k1, halfDt).Derivative(torque);
        var k3 = Advance(k2, halfDt).Derivative(torque);
        var k4 = Advance(k3, Dt).Derivative(torque);
        // y0 + dt / 6 * (k1 + 2 k2 + 2 k3 + k4), element by element.
        return new AcrobotState(
            Theta1 + (sixthDt * (k1.Theta1 + (2 * k2.Theta1) + (2 * k3.Theta1) + k4.Theta1)),
            Theta2 + (sixthDt * (k1.Theta2 + (2 * k2.Theta2) + (2 * k3.Theta2) + k4.Theta2)),
            DTheta1 + (sixthDt * (k1.DTheta1 + (2 * k2.DTheta1) + (2 * k3.DTheta1) + k4.DTheta1)),
            DTheta2 + (sixthDt * (k1.DTheta2 + (2 * k2.DTheta2) + (2 * k3.DTheta2) + k4.DTheta2)));
    }

    /// <summary>y0 + h * k, element by element.</summary>
    private AcrobotState Advance(AcrobotState k, double h) => new(
        Theta1 + (h * k.Theta1), Theta2 + (h * k.Theta2), DTheta1 + (h * k.DTheta1), DTheta2 + (h * k.DTheta2));

    /// <summary>Gymnasium's <c>_dsdt</c> ("book" variant): the time derivative of the state.</summary>
    private AcrobotState Derivative(double torque)
    {
        var cosTheta2 = Math.Cos(Theta2);
        var sinTheta2 = Math.Sin(Theta2);
        var d1 = D1Constant + (LinkMass2 * (D1SquaredLengths + (D1CosineFactor * cosTheta2))) + LinkMoment + LinkMoment;
        var d2 = (LinkMass2 * (D2SquaredCom + (D2CosineFactor * cosTheta2))) + LinkMoment;
        var phi2 = Phi2Factor * Math.Cos(Theta1 + Theta2 - (Math.PI / 2.0));
        var phi1 = (Phi1SpeedSquaredFactor * Math.Pow(DTheta2, 2) * sinTheta2)
            - (Phi1CrossFactor * DTheta2 * DTheta1 * sinTheta2)
            + (Phi1GravityFactor * Math.Cos(Theta1 - (Math.PI / 2)))
            + phi2;
        var ddTheta2 = (torque + (d2 / d1 * phi1) - (Theta2AccelerationFactor * Math.Pow(DTheta1, 2) * sinTheta2) - phi2)
            / (Theta2InertiaTerm - (Math.Pow(d2, 2) / d1));
        var ddTheta1 = -((d2 * ddTheta2) + phi1) / d1;
        return new AcrobotState(DTheta1, DTheta2, ddTheta1, ddTheta2);
    }
}
