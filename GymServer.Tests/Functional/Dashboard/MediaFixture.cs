using System.Diagnostics;
using System.Text.Json;
using GymServer.Tests.Unit.Dashboard;

namespace GymServer.Tests.Functional.Dashboard;

/// <summary>
/// A temporary media root holding one recorded episode as the recorder lays it out (issue 5's contract): a real
/// H.264 MP4 and PNG made by the ffmpeg CLI, the episode's metadata JSON and the instance's index.json.
/// </summary>
public sealed class MediaFixture : IDisposable
{
    public const string Instance = "e2einstance";
    public const string Video = "episode-000000.mp4";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("gymserver-e2e-media-");

    public MediaFixture()
    {
        var folder = Directory.CreateDirectory(System.IO.Path.Combine(_root.FullName, Instance)).FullName;
        Ffmpeg(folder, "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-t", "3", "-pix_fmt", "yuv420p", "-c:v", "libx264",
            "-movflags", "+faststart", Video);
        Ffmpeg(folder, "-i", Video, "-frames:v", "1", "episode-000000.png");
        var metadata = CatalogAndRecordingsTests.Metadata(Instance, 0, "complete");
        File.WriteAllText(System.IO.Path.Combine(folder, "episode-000000.json"), JsonSerializer.Serialize(metadata));
        var index = new Dictionary<string, object?> { ["instance"] = Instance, ["env_id"] = "CartPole-v1", ["node"] = "node-a", ["episodes"] = new[] { metadata } };
        File.WriteAllText(System.IO.Path.Combine(folder, "index.json"), JsonSerializer.Serialize(index));
    }

    public string Path => _root.FullName;

    public void Dispose() => _root.Delete(recursive: true);

    private static void Ffmpeg(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("ffmpeg") { WorkingDirectory = folder, RedirectStandardError = true };
        foreach (var argument in (string[])["-hide_banner", "-loglevel", "error", "-y", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start");
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg {string.Join(' ', arguments)} failed ({process.ExitCode}): {errors}");
        }
    }
}
