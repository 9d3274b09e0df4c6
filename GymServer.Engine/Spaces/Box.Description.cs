using GymServer.Protocol.Spaces;

namespace GymServer.Engine.Spaces;

/// <summary>Box's description: its bounds as Gymnasium holds them, "-inf" / "inf" where it is unbounded.</summary>
public sealed partial class Box
{
    public override BoxDescription Description => _description;

    /// <summary>
    /// Floats as cast to the dtype (infinities where unbounded); integers exact, and infinite where the Box is
    /// unbounded (for signed integer Boxes too, so that a description built back keeps the element unbounded).
    /// </summary>
    private BoxDescription Describe()
    {
        if (_lowInteger is null)
        {
            return new BoxDescription(_shape, DType, _low, _high);
        }
        var low = new double[Count];
        var high = new double[Count];
        var exactLow = new Int128?[Count];
        var exactHigh = new Int128?[Count];
        for (var i = 0; i < Count; i++)
        {
            (low[i], exactLow[i]) = _boundedBelow[i] ? (_low[i], (Int128?)_lowInteger[i]) : (double.NegativeInfinity, null);
            (high[i], exactHigh[i]) = _boundedAbove[i] ? (_high[i], (Int128?)_highInteger![i]) : (double.PositiveInfinity, null);
        }
        return new BoxDescription(_shape, DType, low, high, exactLow, exactHigh);
    }
}
