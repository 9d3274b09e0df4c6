using System.Runtime.InteropServices;
using GymServer.Engine.Rendering;
using SkiaSharp;

namespace GymServer.Tests.Infrastructure;

/// <summary>An rgb_array frame held as bytes: decoded from a PNG, or rendered by an env; encodable back to PNG.</summary>
public sealed record RgbImage(FrameShape Shape, byte[] Pixels)
{
    public static RgbImage DecodePng(string path)
    {
        using var codec = SKCodec.Create(path) ?? throw new InvalidDataException($"{path} is not an image Skia reads");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            throw new InvalidDataException($"{path}: {result}");
        }
        var shape = new FrameShape(info.Height, info.Width);
        var rgba = bitmap.GetPixelSpan();
        var pixels = new byte[shape.ByteSize];
        for (int source = 0, target = 0; target < pixels.Length; source += 4, target += 3)
        {
            pixels[target] = rgba[source];
            pixels[target + 1] = rgba[source + 1];
            pixels[target + 2] = rgba[source + 2];
        }
        return new RgbImage(shape, pixels);
    }

    public void SavePng(string path)
    {
        using var bitmap = ToBitmap();
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        data.SaveTo(file);
    }

    /// <summary>An opaque RGBA bitmap of the frame, for drawing it into a larger picture.</summary>
    public SKBitmap ToBitmap()
    {
        var rgba = new byte[Shape.Height * Shape.Width * 4];
        for (int source = 0, target = 0; source < Pixels.Length; source += 3, target += 4)
        {
            rgba[target] = Pixels[source];
            rgba[target + 1] = Pixels[source + 1];
            rgba[target + 2] = Pixels[source + 2];
            rgba[target + 3] = 255;
        }
        var bitmap = new SKBitmap(new SKImageInfo(Shape.Width, Shape.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        Marshal.Copy(rgba, 0, bitmap.GetPixels(), rgba.Length);
        return bitmap;
    }
}
