using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol.Spaces;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// Gymnasium's <c>GrayscaleObservation(env, keep_dim=False)</c>: an RGB image, a uint8 Box of shape (h, w, 3) with
/// bounds 0 and 255, becomes its luminance, a uint8 Box of shape (h, w) ((h, w, 1) with <c>keep_dim</c>). Gymnasium
/// computes <c>np.sum(np.multiply(obs, [0.2125, 0.7154, 0.0721]), axis=-1).astype(np.uint8)</c>: three float64
/// products added left to right, truncated; so does <see cref="Luminance"/>, vectorised.
/// </summary>
public sealed class GrayscaleObservation : ObservationWrapper
{
    public GrayscaleObservation(IEnv env, bool keepDim)
        : base(env, GraySpace(env, keepDim))
    {
    }

    public static GrayscaleObservation Create(IEnv env, EnvKwargs kwargs) => new(env, kwargs.GetBool("keep_dim", false));

    protected override void Observe(ReadOnlySpan<byte> inner, Span<byte> observation) => Luminance.Convert(inner, observation);

    private static Box GraySpace(IEnv env, bool keepDim)
    {
        var box = WrapperRequirements.ImageBox(env, nameof(GrayscaleObservation), "a uint8 Box of shape (height, width, 3) with bounds 0 and 255", shape => shape.Length == 3 && shape[2] == 3);
        int[] shape = keepDim ? [box.Shape[0], box.Shape[1], 1] : [box.Shape[0], box.Shape[1]];
        return new Box(0, 255, shape, DType.UInt8);
    }
}
