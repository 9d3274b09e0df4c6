using GymServer.Engine.Spaces;
using GymServer.Protocol.Spaces;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// One bound of a Box element as Gymnasium's numpy arrays hold it: a float (infinities included) or an exact
/// integer (an int64 or uint64 limit a double cannot hold).
/// </summary>
internal readonly record struct BoxBound(double Value, Int128? Exact)
{
    public static BoxBound Integer(Int128 value) => new(Elements.ToDouble(value), value);

    public static BoxBound Low(Box box, int index) =>
        DTypes.IsFloat(box.DType) ? new(box.Low[index], null) : Integer(box.IntegerLow(index));

    public static BoxBound High(Box box, int index) =>
        DTypes.IsFloat(box.DType) ? new(box.High[index], null) : Integer(box.IntegerHigh(index));

    /// <summary>
    /// <c>Box(low, high, dtype=dtype)</c> for arrays of these bounds: cast to the dtype as Gymnasium casts them
    /// (floats round or truncate, an integer array's values are exact, so a signed Box's dtype limits come out
    /// bounded as in Gymnasium).
    /// </summary>
    public static Box CreateBox(IReadOnlyList<BoxBound> low, IReadOnlyList<BoxBound> high, int[] shape, DType dtype)
    {
        var exact = !DTypes.IsFloat(dtype);
        return new Box(
            [.. low.Select(bound => bound.Value)],
            [.. high.Select(bound => bound.Value)],
            exact ? [.. low.Select(bound => bound.Exact)] : null,
            exact ? [.. high.Select(bound => bound.Exact)] : null,
            shape,
            dtype);
    }
}
