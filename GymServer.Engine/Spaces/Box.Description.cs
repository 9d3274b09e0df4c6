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
            return new BoxDescription(_shape, DType, _low, _high, null, null);
        }
        var low = new ElementValues<double>.Builder(Count);
        var high = new ElementValues<double>.Builder(Count);
        for (var i = 0; i < Count; i++)
        {
            low.Add(_boundedBelow[i] ? _low[i] : double.NegativeInfinity);
            high.Add(_boundedAbove[i] ? _high[i] : double.PositiveInfinity);
        }
        return new BoxDescription(_shape, DType, low.Build(), high.Build(),
            i => _boundedBelow[i] ? LowInteger(i) : null, i => _boundedAbove[i] ? HighInteger(i) : null);
    }
}
