using System.Globalization;
using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol;
using GymServer.Protocol.Spaces;

namespace GymServer.Engine.Wrappers;

/// <summary>The checks a wrapper makes of the env it wraps, each refusing with a message that names both.</summary>
internal static class WrapperRequirements
{
    /// <summary>A Box action space of float32 or float64 elements, as the action-rescaling wrappers need.</summary>
    public static Box FloatBoxActions(IEnv env, string wrapper)
    {
        if (env.ActionSpace is Box { DType: DType.Float32 or DType.Float64 } box)
        {
            return box;
        }
        throw NotApplicable(wrapper, $"a Box action space of float32 or float64", "action", env);
    }

    /// <summary>
    /// An image: a uint8 Box whose every bound is 0 below and 255 above, of a shape <paramref name="shapeFits"/>
    /// accepts, as Gymnasium's image wrappers require.
    /// </summary>
    public static Box ImageBox(IEnv env, string wrapper, string needs, Func<int[], bool> shapeFits)
    {
        if (env.ObservationSpace is Box { DType: DType.UInt8 } box
            && shapeFits(box.Shape.ToArray())
            && box.Count > 0
            && !box.Low.ContainsAnyExcept(0.0)
            && !box.High.ContainsAnyExcept(255.0))
        {
            return box;
        }
        // The space in short: an image's bounds would make a message of hundreds of kilobytes.
        var space = env.ObservationSpace is Box other
            ? $"a {DTypes.Name(other.DType)} Box of shape {other.ShapeText()}{(other.Count > 0 && (other.Low.ContainsAnyExcept(0.0) || other.High.ContainsAnyExcept(255.0)) ? " with bounds other than 0 and 255" : string.Empty)}"
            : env.ObservationSpace.TypeName;
        throw new EnvException(EnvErrorCodes.InvalidArgument, $"{wrapper} needs {needs}; {env.Spec.Id}'s observation space here is {space}");
    }

    /// <summary>A number for a message: shortest round-trip digits, "inf" / "-inf" / "nan" as Python prints them.</summary>
    public static string Number(double value) =>
        double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : Elements.NonFiniteName(value);

    public static EnvException NotApplicable(string wrapper, string needs, string which, IEnv env)
    {
        var space = which == "action" ? env.ActionSpace : env.ObservationSpace;
        return new EnvException(
            EnvErrorCodes.InvalidArgument,
            $"{wrapper} needs {needs}; {env.Spec.Id}'s {which} space here is {space.DescriptionJson()}");
    }
}
