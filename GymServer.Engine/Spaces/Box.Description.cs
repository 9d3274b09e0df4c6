using GymServer.Protocol.Spaces;

namespace GymServer.Engine.Spaces;

/// <summary>Box's description: its bounds as Gymnasium holds them, "-inf" / "inf" where it is unbounded.</summary>
public sealed partial class Box
{
    // Racing threads may each make one; any of them is the same description.
    public override BoxDescription Description => _description ??= Describe();

    /// <summary>
    /// Floats as cast to the dtype (infinities where unbounded); integers exact, and infinite where the Box is
    /// unbounded (for signed integer Boxes too, so that a description built back keeps the element unbounded).
    /// </summary>
    private BoxDescription Describe()
    {
        if (!_integer)
        {
            return new BoxDescription(_shape, DType, _low, _high);
        }
        var low = new double[Count];
        var high = new double[Count];
        var exactLow = new Int128?[Count];
        var exactHigh = new Int128?[Count];
        for (var i = 0; i < Count; i++)
        {
            (low[i], exactLow[i]) = _boundedBelow[i] ? (_low[i], (Int128?)LowInteger(i)) : (double.NegativeInfinity, null);
            (high[i], exactHigh[i]) = _boundedAbove[i] ? (_high[i], (Int128?)HighInteger(i)) : (double.PositiveInfinity, null);
        }
        return new BoxDescription(_shape, DType, low, high, exactLow, exactHigh);
    }
}
