using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GymServer.Engine.Environments.ClassicControl;

/// <summary>
/// Writes a float32 observation vector into the caller's byte buffer: one length check, then unchecked stores,
/// so the step path pays for neither per-element bounds checks nor allocation.
/// </summary>
internal static class Float32Observation
{
    /// <summary>The first byte of <paramref name="observation"/>, once its length is checked to hold <paramref name="count"/> floats.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref byte Start(Span<byte> observation, int count)
    {
        if (observation.Length != count * sizeof(float))
        {
            ThrowWrongLength(observation.Length, count);
        }
        return ref MemoryMarshal.GetReference(observation);
    }

    /// <summary>
    /// Stores element <paramref name="index"/> as numpy's <c>astype(float32)</c> does (round to nearest), little-endian
    /// as every platform .NET runs this engine on is.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Set(ref byte start, int index, double value) =>
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref start, index * sizeof(float)), (float)value);

    /// <inheritdoc cref="Set(ref byte, int, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Set(ref byte start, int index, float value) =>
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref start, index * sizeof(float)), value);

    private static void ThrowWrongLength(int length, int count) =>
        throw new ArgumentException($"the observation buffer holds {length} bytes; this env writes {count} float32 values ({count * sizeof(float)} bytes)");
}
