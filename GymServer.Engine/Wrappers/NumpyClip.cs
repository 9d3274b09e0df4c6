using System.Numerics;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// numpy's <c>clip</c> (and <c>maximum</c> / <c>minimum</c>, which it calls when a bound is None) on one float:
/// NaN passes through, and a value equal to a bound gives the bound, so <c>clip(-0.0, 0.0, 1.0)</c> is <c>0.0</c>
/// where <see cref="Math.Clamp(double, double, double)"/> would keep -0.0.
/// </summary>
internal static class NumpyClip
{
    public static T Clip<T>(T value, T low, T high)
        where T : IFloatingPointIeee754<T> =>
        Minimum(Maximum(value, low), high);

    /// <summary><c>np.maximum(value, bound)</c> for a bound that is a number.</summary>
    public static T Maximum<T>(T value, T bound)
        where T : IFloatingPointIeee754<T> =>
        T.IsNaN(value) || value > bound ? value : bound;

    /// <summary><c>np.minimum(value, bound)</c> for a bound that is a number.</summary>
    public static T Minimum<T>(T value, T bound)
        where T : IFloatingPointIeee754<T> =>
        T.IsNaN(value) || value < bound ? value : bound;
}
