using System.Text.Json;
using GymServer.Engine.Recording;

namespace GymServer.Web.Recordings;

/// <summary>
/// Reads the recordings under the media root (the recorder's <see cref="MediaOptions.Root"/>): one folder per
/// instance with its index.json, as the recorder writes them. Read-only; the recorder owns the files.
/// </summary>
public sealed class RecordingLibrary(MediaOptions options, TimeProvider time)
{
    /// <summary>Walking the media tree for sizes is not free: scrapes within this age reuse the last result.</summary>
    private static readonly TimeSpan StatsMaxAge = TimeSpan.FromSeconds(5);

    private readonly Lock _statsLock = new();
    private (DateTimeOffset At, MediaStats Stats)? _stats;

    public string Root { get; } = Path.GetFullPath(options.Root);

    public static string MediaUrl(string instance, string file) => $"/media/{Uri.EscapeDataString(instance)}/{Uri.EscapeDataString(file)}";

    /// <summary>Every instance folder with an index.json, newest first; an unreadable index is listed with its error.</summary>
    public IReadOnlyList<RecordedInstance> List()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }
        var instances = new List<(DateTime Written, RecordedInstance Instance)>();
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            var index = Path.Combine(folder, MediaPaths.IndexFile);
            if (File.Exists(index))
            {
                instances.Add((File.GetLastWriteTimeUtc(index), Read(Path.GetFileName(folder), index)));
            }
        }
        return [.. instances.OrderByDescending(entry => entry.Written).Select(entry => entry.Instance)];
    }

    public MediaStats Stats()
    {
        var now = time.GetUtcNow();
        lock (_statsLock)
        {
            if (_stats is { } cached && now - cached.At < StatsMaxAge)
            {
                return cached.Stats;
            }
        }
        var stats = Measure();
        lock (_statsLock)
        {
            _stats = (now, stats);
        }
        return stats;
    }

    private MediaStats Measure()
    {
        if (!Directory.Exists(Root))
        {
            return new MediaStats(false, 0, 0, 0);
        }
        var episodes = List().SelectMany(instance => instance.Episodes).ToList();
        var bytes = new DirectoryInfo(Root).EnumerateFiles("*", SearchOption.AllDirectories).Sum(file => file.Length);
        return new MediaStats(true, episodes.Count(episode => episode.IsComplete), episodes.Count(episode => !episode.IsComplete), bytes);
    }

    private static RecordedInstance Read(string folderName, string indexPath)
    {
        try
        {
            var index = MediaIndex.Read(File.ReadAllBytes(indexPath));
            var episodes = index.Episodes.OrderByDescending(episode => episode.Episode).ToList();
            return new RecordedInstance(folderName, index.EnvId, index.Node, episodes);
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
        {
            // Shown on the page: a recorder writing the file right now, or a broken file an admin should see.
            return new RecordedInstance(folderName, null, null, [], $"{MediaPaths.IndexFile} unreadable: {exception.Message}");
        }
    }
}
