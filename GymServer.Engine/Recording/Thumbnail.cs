using GymServer.Engine.Rendering;
using SkiaSharp;

namespace GymServer.Engine.Recording;

/// <summary>A video's thumbnail: one of its frames as a PNG, encoded with SkiaSharp.</summary>
internal static class Thumbnail
{
    public static unsafe void WritePng(string path, FrameShape shape, ReadOnlySpan<byte> rgb)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(shape.Width, shape.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var rowBytes = bitmap.RowBytes;
        var pixels = new Span<byte>((void*)bitmap.GetPixels(), rowBytes * shape.Height);
        for (var y = 0; y < shape.Height; y++)
        {
            var source = rgb.Slice(y * shape.Width * FrameShape.Channels, shape.Width * FrameShape.Channels);
            var target = pixels.Slice(y * rowBytes, shape.Width * 4);
            for (int s = 0, t = 0; s < source.Length; s += 3, t += 4)
            {
                target[t] = source[s];
                target[t + 1] = source[s + 1];
                target[t + 2] = source[s + 2];
                target[t + 3] = 255;
            }
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new IOException($"SkiaSharp could not encode the thumbnail {path}");
        using var file = File.Create(path);
        data.SaveTo(file);
    }
}
