using System.Diagnostics;
using System.Text.Json;

namespace GymServer.Tests.Functional.Recording;

/// <summary>What the real ffprobe reports of a video's first stream, frames counted by decoding them.</summary>
public sealed record Ffprobe(string Codec, string PixelFormat, int Width, int Height, long Frames)
{
    public static async Task<Ffprobe> ProbeAsync(string path)
    {
        var start = new ProcessStartInfo("ffprobe")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-v", "error", "-select_streams", "v:0", "-count_frames",
            "-show_entries", "stream=codec_name,pix_fmt,width,height,nb_read_frames", "-of", "json", path])
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"ffprobe {path}: {await errors}");
        using var document = JsonDocument.Parse(await output);
        var stream = document.RootElement.GetProperty("streams")[0];
        return new Ffprobe(
            stream.GetProperty("codec_name").GetString()!,
            stream.GetProperty("pix_fmt").GetString()!,
            stream.GetProperty("width").GetInt32(),
            stream.GetProperty("height").GetInt32(),
            long.Parse(stream.GetProperty("nb_read_frames").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }
}
