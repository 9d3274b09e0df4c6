using GymServer.Engine.Spaces;
using GymServer.Protocol.Spaces;

namespace GymServer.Engine.Wrappers;

/// <summary>numpy's dtype rules the wrappers rely on: promotion of two dtypes, and <c>astype</c> of one element.</summary>
internal static class NumpyTypes
{
    /// <summary><c>np.result_type(a, b)</c> for arrays (never scalars) of the dtypes spaces hold.</summary>
    public static DType Promote(DType a, DType b)
    {
        if (a == b || b == DType.Bool)
        {
            return a;
        }
        if (a == DType.Bool)
        {
            return b;
        }
        if (DTypes.IsFloat(a) || DTypes.IsFloat(b))
        {
            var integer = DTypes.IsFloat(a) ? b : a;
            // float32 holds int8, uint8, int16 and uint16 exactly; wider integers need float64.
            var smallInteger = !DTypes.IsFloat(integer) && DTypes.SizeOf(integer) <= 2;
            return a == DType.Float64 || b == DType.Float64 || !smallInteger ? DType.Float64 : DType.Float32;
        }
        var (signed, unsigned) = DTypes.IsSigned(a) ? (a, b) : (b, a);
        if (DTypes.IsSigned(signed) == DTypes.IsSigned(unsigned))
        {
            return DTypes.SizeOf(a) >= DTypes.SizeOf(b) ? a : b;
        }
        if (DTypes.SizeOf(signed) > DTypes.SizeOf(unsigned))
        {
            return signed;
        }
        // A signed type that holds every value of the unsigned one, or float64 past int64.
        return DTypes.SizeOf(unsigned) switch
        {
            1 => DType.Int16,
            2 => DType.Int32,
            4 => DType.Int64,
            _ => DType.Float64,
        };
    }

    /// <summary>
    /// Element <paramref name="sourceIndex"/> of <paramref name="source"/> cast to <paramref name="to"/>, as
    /// numpy's <c>astype</c> casts: floats round to nearest, floats to integers truncate toward zero, integers keep
    /// their low bits, anything non-zero is True. (Out-of-range floats, whose numpy cast the C standard leaves
    /// undefined, saturate as .NET casts them.)
    /// </summary>
    public static void Cast(ReadOnlySpan<byte> source, DType from, int sourceIndex, Span<byte> destination, DType to, int destinationIndex)
    {
        if (from == to)
        {
            var size = DTypes.SizeOf(from);
            source.Slice(sourceIndex * size, size).CopyTo(destination[(destinationIndex * size)..]);
        }
        else if (DTypes.IsFloat(from) || DTypes.IsFloat(to))
        {
            Elements.WriteDouble(destination, to, destinationIndex, Elements.ReadDouble(source, from, sourceIndex));
        }
        else
        {
            Elements.WriteInteger(destination, to, destinationIndex, Elements.ReadInteger(source, from, sourceIndex));
        }
    }
}
