using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// Gymnasium's luminance of RGB pixels, <c>np.sum(np.multiply(obs, [0.2125, 0.7154, 0.0721]), axis=-1)
/// .astype(np.uint8)</c>: per pixel three float64 products (each rounded once), added left to right
/// (<c>(r x 0.2125 + g x 0.7154) + b x 0.0721</c>), truncated to a byte.
/// <para>
/// Vectorised with AVX2 four pixels to a 256-bit register of doubles: the same products (a byte converted to
/// double is exact, so <c>value x weight</c> is the one correctly rounded product numpy computes) and the same
/// additions in the same order, never fused into a multiply-add (.NET does not contract them). Machines without
/// AVX2, and the last pixels of a row of bytes, take the scalar loop, which is the definition. A block of pixels
/// with the same bytes as the block before (a run of one colour) reuses that block's gray.
/// </para>
/// </summary>
internal static class Luminance
{
    public const double RedWeight = 0.2125;
    public const double GreenWeight = 0.7154;
    public const double BlueWeight = 0.0721;

    /// <summary>Pixels per iteration of the vector loop: four registers of four pixels, packed to 16 bytes.</summary>
    private const int Block = 16;

    // For each channel, a byte shuffle moving its values in four pixels (bytes 3k + channel of 12) to the low bytes
    // of four int32 lanes, the other bytes zeroed (an index with the top bit set).
    private static readonly Vector128<byte> RedBytes = ChannelShuffle(0);
    private static readonly Vector128<byte> GreenBytes = ChannelShuffle(1);
    private static readonly Vector128<byte> BlueBytes = ChannelShuffle(2);

    /// <summary>Writes the luminance of each pixel of <paramref name="rgb"/> (3 bytes a pixel) to <paramref name="gray"/>.</summary>
    public static void Convert(ReadOnlySpan<byte> rgb, Span<byte> gray)
    {
        var count = rgb.Length / 3;
        ArgumentOutOfRangeException.ThrowIfLessThan(gray.Length, count, nameof(gray));
        var done = Avx2.IsSupported ? ConvertAvx2(rgb, gray, count) : 0;
        ConvertScalar(rgb[(3 * done)..], gray[done..count]);
    }

    /// <summary>The definition, pixel by pixel: what the vector path must equal for every (r, g, b).</summary>
    public static void ConvertScalar(ReadOnlySpan<byte> rgb, Span<byte> gray)
    {
        for (var i = 0; i < gray.Length; i++)
        {
            gray[i] = Of(rgb[3 * i], rgb[(3 * i) + 1], rgb[(3 * i) + 2]);
        }
    }

    /// <summary>One pixel's luminance. The sum is at most 255.00000000000003: truncated, never beyond a byte.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Of(byte r, byte g, byte b) => (byte)(int)((r * RedWeight) + (g * GreenWeight) + (b * BlueWeight));

    /// <summary>
    /// Converts whole blocks of <see cref="Block"/> pixels with AVX2 and returns how many pixels it converted. Each
    /// group of four pixels is read as 16 bytes (12 used), so a block is only taken while 4 bytes beyond it exist
    /// in <paramref name="rgb"/>; the scalar loop does the rest. A block whose 52 bytes read equal the previous
    /// block's gets the previous block's gray.
    /// </summary>
    private static int ConvertAvx2(ReadOnlySpan<byte> rgb, Span<byte> gray, int count)
    {
        ref var source = ref MemoryMarshal.GetReference(rgb);
        ref var destination = ref MemoryMarshal.GetReference(gray);
        var weights = (Red: Vector256.Create(RedWeight), Green: Vector256.Create(GreenWeight), Blue: Vector256.Create(BlueWeight));
        var done = 0;
        // The bytes of the last block converted and its gray: a block of the same bytes (a run of one colour, as
        // Atari frames are mostly made of) is not converted again. At first, as if white had come before.
        var (a0, a1, a2, a3) = (Vector128<byte>.AllBitsSet, Vector128<byte>.AllBitsSet, Vector128<byte>.AllBitsSet, Vector128<byte>.AllBitsSet);
        var converted = Vector128.Create(Of(255, 255, 255));
        // (count - done) >= Block and 4 readable bytes past the block's 48.
        for (; done + Block <= count && (3 * (done + Block)) + 4 <= rgb.Length; done += Block)
        {
            ref var pixels = ref Unsafe.Add(ref source, 3 * done);
            var (b0, b1, b2, b3) = (Vector128.LoadUnsafe(ref pixels), Vector128.LoadUnsafe(ref pixels, 12), Vector128.LoadUnsafe(ref pixels, 24), Vector128.LoadUnsafe(ref pixels, 36));
            if (((a0 ^ b0) | (a1 ^ b1) | (a2 ^ b2) | (a3 ^ b3)) != Vector128<byte>.Zero)
            {
                (a0, a1, a2, a3) = (b0, b1, b2, b3);
                // Every value is 0 to 255: packing with saturation only narrows.
                converted = Sse2.PackUnsignedSaturate(
                    Sse2.PackSignedSaturate(Four(b0, weights), Four(b1, weights)),
                    Sse2.PackSignedSaturate(Four(b2, weights), Four(b3, weights)));
            }
            converted.StoreUnsafe(ref Unsafe.Add(ref destination, done));
        }
        return done;
    }

    /// <summary>The luminance of the four pixels in the first 12 bytes of <paramref name="pixels"/>, as int32s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<int> Four(Vector128<byte> pixels, (Vector256<double> Red, Vector256<double> Green, Vector256<double> Blue) weights)
    {
        var r = Avx.Multiply(Avx.ConvertToVector256Double(Ssse3.Shuffle(pixels, RedBytes).AsInt32()), weights.Red);
        var g = Avx.Multiply(Avx.ConvertToVector256Double(Ssse3.Shuffle(pixels, GreenBytes).AsInt32()), weights.Green);
        var b = Avx.Multiply(Avx.ConvertToVector256Double(Ssse3.Shuffle(pixels, BlueBytes).AsInt32()), weights.Blue);
        return Avx.ConvertToVector128Int32WithTruncation(Avx.Add(Avx.Add(r, g), b));
    }

    private static Vector128<byte> ChannelShuffle(int channel)
    {
        Span<byte> indices = stackalloc byte[16];
        indices.Fill(0x80);
        for (var pixel = 0; pixel < 4; pixel++)
        {
            indices[4 * pixel] = (byte)((3 * pixel) + channel);
        }
        return Vector128.Create<byte>(indices);
    }
}
