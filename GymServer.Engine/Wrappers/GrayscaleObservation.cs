using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol.Spaces;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// Gymnasium's <c>GrayscaleObservation(env, keep_dim=False)</c>: an RGB image, a uint8 Box of shape (h, w, 3) with
/// bounds 0 and 255, becomes its luminance, a uint8 Box of shape (h, w) ((h, w, 1) with <c>keep_dim</c>). Gymnasium
/// computes <c>np.sum(np.multiply(obs, [0.2125, 0.7154, 0.0721]), axis=-1).astype(np.uint8)</c>: three float64
/// products added left to right, truncated; so does <see cref="Convert"/>, with the products read from tables.
/// </summary>
public sealed class GrayscaleObservation : ObservationWrapper
{
    private static readonly double[] Red = Products(0.2125);
    private static readonly double[] Green = Products(0.7154);
    private static readonly double[] Blue = Products(0.0721);

    public GrayscaleObservation(IEnv env, bool keepDim)
        : base(env, GraySpace(env, keepDim))
    {
    }

    public static GrayscaleObservation Create(IEnv env, EnvKwargs kwargs) => new(env, kwargs.GetBool("keep_dim", false));

    /// <summary>Writes the luminance of each pixel of <paramref name="rgb"/> (3 bytes a pixel) to <paramref name="gray"/>.</summary>
    public static void Convert(ReadOnlySpan<byte> rgb, Span<byte> gray)
    {
        var count = rgb.Length / 3;
        ArgumentOutOfRangeException.ThrowIfLessThan(gray.Length, count, nameof(gray));
        ref var pixel = ref MemoryMarshal.GetReference(rgb);
        ref var output = ref MemoryMarshal.GetReference(gray);
        ref var red = ref MemoryMarshal.GetArrayDataReference(Red);
        ref var green = ref MemoryMarshal.GetArrayDataReference(Green);
        ref var blue = ref MemoryMarshal.GetArrayDataReference(Blue);
        // Unchecked reads (the bounds are checked above, a byte indexes 256 entries): this is per pixel of every frame.
        for (var i = 0; i < count; i++)
        {
            var sum = Unsafe.Add(ref red, Unsafe.Add(ref pixel, 3 * i))
                + Unsafe.Add(ref green, Unsafe.Add(ref pixel, 3 * i + 1))
                + Unsafe.Add(ref blue, Unsafe.Add(ref pixel, 3 * i + 2));
            // At most 255.00000000000003: truncated, never beyond a byte.
            Unsafe.Add(ref output, i) = (byte)(int)sum;
        }
    }

    protected override void Observe(ReadOnlySpan<byte> inner, Span<byte> observation) => Convert(inner, observation);

    private static double[] Products(double weight) => [.. Enumerable.Range(0, 256).Select(value => value * weight)];

    private static Box GraySpace(IEnv env, bool keepDim)
    {
        var box = WrapperRequirements.ImageBox(env, nameof(GrayscaleObservation), "a uint8 Box of shape (height, width, 3) with bounds 0 and 255", shape => shape.Length == 3 && shape[2] == 3);
        int[] shape = keepDim ? [box.Shape[0], box.Shape[1], 1] : [box.Shape[0], box.Shape[1]];
        return new Box(0, 255, shape, DType.UInt8);
    }
}
