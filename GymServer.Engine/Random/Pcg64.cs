namespace GymServer.Engine.Random;

/// <summary>
/// numpy's PCG64 bit generator (PCG XSL-RR 128/64), seeded from a <see cref="SeedSequence"/> as numpy seeds it.
/// </summary>
public sealed class Pcg64
{
    private static readonly UInt128 Multiplier = new(2549297995355413924UL, 4865540595714422341UL);

    private UInt128 _state;
    private UInt128 _increment;
    private bool _hasUInt32;
    private uint _bufferedUInt32;

    public Pcg64(SeedSequence seedSequence)
    {
        // numpy: generate_state(4, uint64); state seed = words 0 (high) and 1 (low), increment = words 2 and 3.
        var words = seedSequence.GenerateState64(4);
        SetSeed(new UInt128(words[0], words[1]), new UInt128(words[2], words[3]));
    }

    /// <summary>The 128-bit state, as numpy's <c>bit_generator.state["state"]["state"]</c>.</summary>
    public UInt128 State => _state;

    /// <summary>The 128-bit increment, as numpy's <c>bit_generator.state["state"]["inc"]</c>.</summary>
    public UInt128 Increment => _increment;

    /// <summary>Whether half of a 64-bit output is waiting to be returned by <see cref="NextUInt32"/>.</summary>
    public bool HasUInt32 => _hasUInt32;

    /// <summary>numpy's <c>random_raw()</c>.</summary>
    public ulong NextUInt64()
    {
        _state = unchecked((_state * Multiplier) + _increment);
        var high = (ulong)(_state >> 64);
        var low = (ulong)_state;
        var rotation = (int)(_state >> 122);
        return ulong.RotateRight(high ^ low, rotation);
    }

    /// <summary>numpy's <c>next_uint32</c>: the low half of a 64-bit output, then its high half.</summary>
    public uint NextUInt32()
    {
        if (_hasUInt32)
        {
            _hasUInt32 = false;
            return _bufferedUInt32;
        }
        var next = NextUInt64();
        _hasUInt32 = true;
        _bufferedUInt32 = (uint)(next >> 32);
        return (uint)next;
    }

    private void SetSeed(UInt128 initialState, UInt128 sequence)
    {
        _state = UInt128.Zero;
        _increment = (sequence << 1) | UInt128.One;
        NextUInt64();
        _state = unchecked(_state + initialState);
        NextUInt64();
        _hasUInt32 = false;
        _bufferedUInt32 = 0;
    }
}
