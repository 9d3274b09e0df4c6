using System.Numerics;

namespace GymServer.Engine.Random;

/// <summary>
/// numpy's <c>SeedSequence</c>: mixes entropy of any size into a 4-word pool and expands it into seed words.
/// Reproduces numpy bit for bit, so that a seed given to GymServer gives the stream it gives in Python.
/// </summary>
public sealed class SeedSequence
{
    private const int PoolSize = 4;
    private const uint InitA = 0x43b0d7e5;
    private const uint MultA = 0x931e8875;
    private const uint InitB = 0x8b51f9dd;
    private const uint MultB = 0x58f38ded;
    private const uint MixMultL = 0xca01f9dd;
    private const uint MixMultR = 0x4973f715;
    private const int XShift = 16;

    private readonly uint[] _pool = new uint[PoolSize];

    /// <summary>Seeds from a non-negative integer of any size.</summary>
    public SeedSequence(BigInteger entropy)
    {
        if (entropy.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(entropy), "a seed must be a non-negative integer");
        }
        Entropy = entropy;
        MixEntropy(ToUInt32Words(entropy));
    }

    /// <summary>The entropy this sequence was built from.</summary>
    public BigInteger Entropy { get; }

    /// <summary>The mixed pool, as numpy's <c>SeedSequence.pool</c>.</summary>
    public ReadOnlySpan<uint> Pool => _pool;

    /// <summary>numpy's <c>_int_to_uint32_array</c>: little-endian 32-bit words, and [0] for zero.</summary>
    public static uint[] ToUInt32Words(BigInteger value)
    {
        if (value.IsZero)
        {
            return [0];
        }
        var words = new List<uint>();
        while (value > 0)
        {
            words.Add((uint)(value & uint.MaxValue));
            value >>= 32;
        }
        return [.. words];
    }

    /// <summary>numpy's <c>generate_state(n, uint32)</c>.</summary>
    public uint[] GenerateState32(int words)
    {
        var state = new uint[words];
        GenerateState32(state);
        return state;
    }

    /// <summary>numpy's <c>generate_state(destination.Length, uint32)</c>, into a caller's buffer.</summary>
    public void GenerateState32(Span<uint> destination)
    {
        var hashConst = InitB;
        for (var i = 0; i < destination.Length; i++)
        {
            var value = _pool[i % PoolSize];
            value ^= hashConst;
            hashConst *= MultB;
            value *= hashConst;
            value ^= value >> XShift;
            destination[i] = value;
        }
    }

    /// <summary>numpy's <c>generate_state(n, uint64)</c>: twice the 32-bit words, paired little-endian.</summary>
    public ulong[] GenerateState64(int words)
    {
        var state = new ulong[words];
        GenerateState64(state);
        return state;
    }

    /// <summary>numpy's <c>generate_state(destination.Length, uint64)</c>, into a caller's buffer.</summary>
    public void GenerateState64(Span<ulong> destination)
    {
        Span<uint> halves = destination.Length <= 64 ? stackalloc uint[destination.Length * 2] : new uint[destination.Length * 2];
        GenerateState32(halves);
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = halves[2 * i] | ((ulong)halves[(2 * i) + 1] << 32);
        }
    }

    private void MixEntropy(uint[] entropy)
    {
        var hashConst = InitA;
        for (var i = 0; i < PoolSize; i++)
        {
            _pool[i] = HashMix(i < entropy.Length ? entropy[i] : 0, ref hashConst);
        }
        for (var source = 0; source < PoolSize; source++)
        {
            for (var destination = 0; destination < PoolSize; destination++)
            {
                if (source != destination)
                {
                    _pool[destination] = Mix(_pool[destination], HashMix(_pool[source], ref hashConst));
                }
            }
        }
        for (var source = PoolSize; source < entropy.Length; source++)
        {
            for (var destination = 0; destination < PoolSize; destination++)
            {
                _pool[destination] = Mix(_pool[destination], HashMix(entropy[source], ref hashConst));
            }
        }
    }

    private static uint HashMix(uint value, ref uint hashConst)
    {
        value ^= hashConst;
        hashConst *= MultA;
        value *= hashConst;
        value ^= value >> XShift;
        return value;
    }

    private static uint Mix(uint x, uint y)
    {
        var result = (MixMultL * x) - (MixMultR * y);
        result ^= result >> XShift;
        return result;
    }
}
