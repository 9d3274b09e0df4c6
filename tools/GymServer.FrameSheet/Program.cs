using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Rendering;
using GymServer.FrameSheet;
using GymServer.Protocol.Values;
using SkiaSharp;

// Renders one frame of every registered native env but the deprecated ones (Taxi-v3 draws as Taxi-v4 does), with
// render_mode "rgb_array", and tiles them, in registry order, four to a row, each scaled to fit its cell. Usage: dotnet run --project tools/GymServer.FrameSheet -- docs/frames.png
const int Columns = 4;
const int CellWidth = 400;
const int CellHeight = 300;
const int Margin = 8;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: GymServer.FrameSheet <output.png>");
    return 2;
}

var registry = NativeEnvironments.CreateRegistry();
var ids = registry.Registrations
    .Where(registration => registration.Spec.DeprecatedBy is null)
    .Select(registration => registration.Spec.Id)
    .ToList();
var rows = (ids.Count + Columns - 1) / Columns;
using var sheet = new SKBitmap(Columns * CellWidth, rows * CellHeight, SKColorType.Rgba8888, SKAlphaType.Opaque);
using var canvas = new SKCanvas(sheet);
canvas.Clear(new SKColor(236, 236, 236));
using var paint = new SKPaint { IsAntialias = true };

for (var index = 0; index < ids.Count; index++)
{
    using var frame = Render(registry, ids[index]);
    var scale = Math.Min((CellWidth - (2f * Margin)) / frame.Width, (CellHeight - (2f * Margin)) / frame.Height);
    var width = frame.Width * scale;
    var height = frame.Height * scale;
    var left = (index % Columns * CellWidth) + ((CellWidth - width) / 2);
    var top = (index / Columns * CellHeight) + ((CellHeight - height) / 2);
    using var image = SKImage.FromBitmap(frame);
    canvas.DrawImage(image, SKRect.Create(left, top, width, height), new SKSamplingOptions(SKCubicResampler.Mitchell), paint);
    Console.WriteLine($"{index + 1,2}. {ids[index]}: {frame.Width} x {frame.Height}");
}

using (var data = sheet.Encode(SKEncodedImageFormat.Png, 100))
using (var file = File.Create(args[0]))
{
    data.SaveTo(file);
}
Console.WriteLine($"wrote {args[0]} ({sheet.Width} x {sheet.Height})");
return 0;

static SKBitmap Render(EnvRegistry registry, string id)
{
    using var env = registry.Make(id, renderMode: RenderModes.RgbArrayName);
    var episode = SheetEpisode.For(id);
    var observation = new byte[env.ObservationSpace.ByteSize];
    env.Reset(new BigInteger(episode.Seed), null, observation, new EnvInfo());
    var action = new byte[env.ActionSpace.ByteSize];
    foreach (var json in episode.Actions)
    {
        env.ActionSpace.ReadValue(JsonDocument.Parse(json).RootElement, action);
        var result = env.Step(action, observation, new EnvInfo());
        if (result.Terminated || result.Truncated)
        {
            break;
        }
    }

    var renderable = (IRenderable)env;
    var shape = renderable.FrameShape;
    var rgb = new byte[shape.ByteSize];
    renderable.Render(rgb);
    var bitmap = new SKBitmap(shape.Width, shape.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
    var pixels = bitmap.GetPixelSpan();
    var rgba = new byte[pixels.Length];
    for (int source = 0, target = 0; source < rgb.Length; source += 3, target += 4)
    {
        rgba[target] = rgb[source];
        rgba[target + 1] = rgb[source + 1];
        rgba[target + 2] = rgb[source + 2];
        rgba[target + 3] = 255;
    }
    System.Runtime.InteropServices.Marshal.Copy(rgba, 0, bitmap.GetPixels(), rgba.Length);
    return bitmap;
}
