using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol;
using GymServer.Protocol.Spaces;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// Gymnasium's <c>DtypeObservation(env, dtype)</c>: observations cast to a numpy dtype ("float32", "float64",
/// "int8" .. "uint64", "bool"). A Box keeps its shape and bounds (cast as Gymnasium's Box casts them: float bounds
/// truncate to integers); a Discrete becomes a Box of shape () from start to start + n (n included, as in
/// Gymnasium); a MultiDiscrete keeps its nvec with the new dtype (and, as in Gymnasium, a start of zeros); a
/// MultiBinary becomes a Box(0, 1) of its shape.
/// </summary>
public sealed class DtypeObservation : ObservationWrapper
{
    private readonly Space _inner;
    private readonly DType _dtype;

    public DtypeObservation(IEnv env, DType dtype)
        : base(env, CastSpace(env, dtype))
    {
        _inner = env.ObservationSpace;
        _dtype = dtype;
    }

    public static DtypeObservation Create(IEnv env, EnvKwargs kwargs)
    {
        var name = kwargs.GetString("dtype", null) ?? throw WrapperKwargs.Missing("dtype");
        if (!DTypes.TryParse(name, out var dtype))
        {
            var names = string.Join(", ", Enum.GetValues<DType>().Select(DTypes.Name));
            throw EnvKwargs.Invalid("dtype", $"one of {names}");
        }
        return new DtypeObservation(env, dtype);
    }

    protected override void Observe(ReadOnlySpan<byte> inner, Span<byte> observation)
    {
        switch (_inner)
        {
            case Box box:
                for (var i = 0; i < box.Count; i++)
                {
                    NumpyTypes.Cast(inner, box.DType, i, observation, _dtype, i);
                }
                break;
            case Discrete:
                NumpyTypes.Cast(inner, DType.Int64, 0, observation, _dtype, 0);
                break;
            case MultiDiscrete multi:
                // Held as int64 whatever the dtype: the value the dtype holds, widened back.
                Span<byte> element = stackalloc byte[sizeof(long)];
                for (var i = 0; i < multi.Count; i++)
                {
                    NumpyTypes.Cast(inner, DType.Int64, i, element, _dtype, 0);
                    Discrete.Write(observation[(i * sizeof(long))..], (long)Elements.ReadInteger(element, _dtype, 0));
                }
                break;
            case MultiBinary bits:
                for (var i = 0; i < bits.Count; i++)
                {
                    NumpyTypes.Cast(inner, DType.Int8, i, observation, _dtype, i);
                }
                break;
        }
    }

    private static Space CastSpace(IEnv env, DType dtype)
    {
        try
        {
            return env.ObservationSpace switch
            {
                Box box => CastBox(box, dtype),
                Discrete discrete => BoxBound.CreateBox(
                    [BoxBound.Integer(discrete.Start)], [BoxBound.Integer((Int128)discrete.Start + discrete.N)], [], dtype),
                MultiDiscrete multi when DTypes.IsInteger(dtype) => new MultiDiscrete(multi.Nvec.ToArray(), null, multi.Shape.ToArray(), dtype),
                MultiDiscrete => throw new EnvException(EnvErrorCodes.InvalidArgument, $"a MultiDiscrete observation space takes an integer dtype, not {DTypes.Name(dtype)}"),
                MultiBinary bits => new Box(0, 1, bits.Shape.ToArray(), dtype),
                _ => throw WrapperRequirements.NotApplicable(nameof(DtypeObservation), "a Box, Discrete, MultiDiscrete or MultiBinary observation space", "observation", env),
            };
        }
        catch (ArgumentException exception)
        {
            // The bounds do not fit the dtype (a negative bound for an unsigned dtype, an nvec too large, ...).
            throw new EnvException(EnvErrorCodes.InvalidArgument, $"DtypeObservation to {DTypes.Name(dtype)}: {exception.Message}");
        }
    }

    private static Box CastBox(Box box, DType dtype)
    {
        if (DTypes.IsSigned(dtype) && DTypes.IsFloat(box.DType))
        {
            // Gymnasium writes the dtype's maximum where high is +inf into the float array, then casts: int32's
            // maximum rounds up in float32 (int64's in float64) and wraps to the minimum, giving high below low.
            var (_, max) = DTypes.IntegerRange(dtype);
            var exact = box.DType == DType.Float32 ? (Int128)(float)max == max : (Int128)(double)max == max;
            if (!exact && Enumerable.Range(0, box.Count).Any(i => double.IsPositiveInfinity(box.High[i])))
            {
                throw new EnvException(
                    EnvErrorCodes.InvalidArgument,
                    $"DtypeObservation to {DTypes.Name(dtype)} of a {DTypes.Name(box.DType)} Box with an infinite high: Gymnasium turns that bound into {DTypes.Name(dtype)}'s minimum, a space whose high is below its low");
            }
        }
        var count = box.Count;
        return BoxBound.CreateBox(
            [.. Enumerable.Range(0, count).Select(i => BoxBound.Low(box, i))],
            [.. Enumerable.Range(0, count).Select(i => BoxBound.High(box, i))],
            box.Shape.ToArray(),
            dtype);
    }
}
