namespace GymServer.Engine.Random;

/// <summary>
/// numpy's PCG64 bit generator (PCG XSL-RR 128/64), seeded from a <see cref="SeedSequence"/> as numpy seeds it.
/// It also holds numpy's one-word <c>next_uint32</c> buffer (<c>has_uint32</c>, <c>uinteger</c>), which numpy's
/// 32-bit bounded integers share across calls.
/// </summary>
public sealed class Pcg64
{
    // PCG's default 128-bit multiplier, 0x2360ED051FC65DA4_4385DF649FCCF645, in two halves.
    private const ulong MultiplierHigh = 2549297995355413924UL;
    private const ulong MultiplierLow = 4865540595714422341UL;

    private ulong _stateHigh;
    private ulong _stateLow;
    private ulong _incrementHigh;
    private ulong _incrementLow;
    private bool _hasUInt32;
    private uint _bufferedUInt32;

    /// <summary>Seeds as numpy's <c>PCG64(seed_sequence)</c>: from <c>generate_state(4, uint64)</c>.</summary>
    public Pcg64(SeedSequence seedSequence)
    {
        Span<ulong> words = stackalloc ulong[4];
        seedSequence.GenerateState64(words);
        // numpy's pcg64_set_seed: words 0 (high) and 1 (low) are the initial state, words 2 and 3 the stream.
        SetSeed(new UInt128(words[0], words[1]), new UInt128(words[2], words[3]));
    }

    /// <summary>The 128-bit state, as numpy's <c>bit_generator.state["state"]["state"]</c>.</summary>
    public UInt128 State => new(_stateHigh, _stateLow);

    /// <summary>The 128-bit increment, as numpy's <c>bit_generator.state["state"]["inc"]</c>.</summary>
    public UInt128 Increment => new(_incrementHigh, _incrementLow);

    /// <summary>numpy's <c>state["has_uint32"]</c>: whether the high half of a word waits for <see cref="NextUInt32"/>.</summary>
    public bool HasUInt32 => _hasUInt32;

    /// <summary>numpy's <c>state["uinteger"]</c>: the last buffered high half (kept after it is used, as numpy keeps it).</summary>
    public uint BufferedUInt32 => _bufferedUInt32;

    /// <summary>numpy's <c>random_raw()</c>: advance, then output the new state.</summary>
    public ulong NextUInt64()
    {
        Step();
        return ulong.RotateRight(_stateHigh ^ _stateLow, (int)(_stateHigh >> 58));
    }

    /// <summary>numpy's <c>next_uint32</c>: the low half of a 64-bit output, then its high half on the next call.</summary>
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

    /// <summary>numpy's <c>next_double</c>: the top 53 bits of a 64-bit output scaled into [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

    // state = state * multiplier + increment (mod 2^128), with 64-bit halves: the low product needs its high word,
    // the cross products only their low words.
    private void Step()
    {
        var high = Math.BigMul(_stateLow, MultiplierLow, out var low);
        high += (_stateHigh * MultiplierLow) + (_stateLow * MultiplierHigh);
        low += _incrementLow;
        high += _incrementHigh + (low < _incrementLow ? 1UL : 0UL);
        _stateHigh = high;
        _stateLow = low;
    }

    // PCG's srandom: zero state, odd increment from the stream, step, add the initial state, step.
    private void SetSeed(UInt128 initialState, UInt128 sequence)
    {
        var increment = (sequence << 1) | UInt128.One;
        _incrementHigh = (ulong)(increment >> 64);
        _incrementLow = (ulong)increment;
        _stateHigh = 0;
        _stateLow = 0;
        Step();
        var state = State + initialState;
        _stateHigh = (ulong)(state >> 64);
        _stateLow = (ulong)state;
        Step();
        _hasUInt32 = false;
        _bufferedUInt32 = 0;
    }
}
