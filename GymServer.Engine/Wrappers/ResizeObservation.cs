using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol.Spaces;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// Gymnasium's <c>ResizeObservation(env, shape)</c>: an image, a uint8 Box of shape (h, w) or (h, w, c) with bounds 0
/// and 255, resized to <c>shape</c> = (height, width) by <c>cv2.resize(obs, (width, height),
/// interpolation=cv2.INTER_AREA)</c>, which <see cref="AreaResize"/> reproduces byte for byte (for 1 to 4 channels;
/// more are refused here, as OpenCV's area shrinking refuses them).
/// </summary>
public sealed class ResizeObservation : ObservationWrapper
{
    private readonly AreaResize _resize;

    public ResizeObservation(IEnv env, int height, int width)
        : base(env, ResizedSpace(env, height, width))
    {
        var shape = ((Box)env.ObservationSpace).Shape;
        _resize = new AreaResize(shape[0], shape[1], shape.Length == 3 ? shape[2] : 1, height, width);
    }

    public static ResizeObservation Create(IEnv env, EnvKwargs kwargs)
    {
        const string expected = "a list of two positive integers, [height, width]";
        if (!kwargs.TryGet("shape", out var shape))
        {
            throw WrapperKwargs.Missing("shape");
        }
        if (shape.ValueKind != JsonValueKind.Array || shape.GetArrayLength() != 2)
        {
            throw EnvKwargs.Invalid("shape", expected);
        }
        var sizes = new int[2];
        var i = 0;
        foreach (var size in shape.EnumerateArray())
        {
            if (size.ValueKind != JsonValueKind.Number || !size.TryGetInt32(out sizes[i]) || !WrapperKwargs.IsIntegerLiteral(size) || sizes[i] < 1)
            {
                throw EnvKwargs.Invalid("shape", expected);
            }
            i++;
        }
        return new ResizeObservation(env, sizes[0], sizes[1]);
    }

    protected override void Observe(ReadOnlySpan<byte> inner, Span<byte> observation) => _resize.Resize(inner, observation);

    private static Box ResizedSpace(IEnv env, int height, int width)
    {
        var box = WrapperRequirements.ImageBox(
            env,
            nameof(ResizeObservation),
            $"a uint8 Box of shape (height, width) or (height, width, channels) with 1 to {AreaResize.MaxChannels} channels and bounds 0 and 255",
            shape => shape.Length == 2 || (shape.Length == 3 && shape[2] is >= 1 and <= AreaResize.MaxChannels));
        int[] shape = box.Shape.Length == 3 ? [height, width, box.Shape[2]] : [height, width];
        return new Box(0, 255, shape, DType.UInt8);
    }
}
