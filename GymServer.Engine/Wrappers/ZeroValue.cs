using GymServer.Engine.Spaces;
using GymServer.Protocol.Spaces;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// Gymnasium's <c>create_zero_array(space)</c>: the value of a space closest to zero. A Box's zeros are moved onto
/// its bounds where the bounds exclude zero; a Discrete and a MultiDiscrete give their start; MultiBinary zeros.
/// </summary>
internal static class ZeroValue
{
    public static void Write(Space space, Span<byte> destination)
    {
        foreach (var (leaf, offset) in SpaceLeaf.Of(space))
        {
            var value = destination[offset..];
            switch (leaf)
            {
                case Box box:
                    for (var i = 0; i < box.Count; i++)
                    {
                        var bound = box.Low[i] > 0 ? BoxBound.Low(box, i) : box.High[i] < 0 ? BoxBound.High(box, i) : BoxBound.Integer(0);
                        if (bound.Exact is { } exact && !DTypes.IsFloat(box.DType))
                        {
                            Elements.WriteInteger(value, box.DType, i, exact);
                        }
                        else
                        {
                            Elements.WriteDouble(value, box.DType, i, bound.Value);
                        }
                    }
                    break;
                case Discrete discrete:
                    Discrete.Write(value, discrete.Start);
                    break;
                case MultiDiscrete multi:
                    for (var i = 0; i < multi.Count; i++)
                    {
                        Discrete.Write(value[(i * sizeof(long))..], multi.Start[i]);
                    }
                    break;
                case MultiBinary bits:
                    value[..bits.Count].Clear();
                    break;
            }
        }
    }
}
