using System.Text.Json;

namespace GymServer.Engine.Recording;

public sealed partial class MediaLibrary
{
    /// <summary>Walking the media tree for sizes is not free: scrapes within this age reuse the last result.</summary>
    private static readonly TimeSpan StatsMaxAge = TimeSpan.FromSeconds(5);

    private readonly Lock _statsLock = new();
    private (DateTimeOffset At, MediaStats Stats)? _stats;

    /// <summary>The instance folders under the root (null) or the published files of one instance, by name: /media's listings.</summary>
    public IReadOnlyList<MediaEntry> List(string? instance = null)
    {
        if (instance is null)
        {
            return [.. InstanceFolders()
                .Select(folder => new MediaEntry(folder.Name, true, PublishedFiles(folder).Sum(file => file.Length), folder.LastWriteTimeUtc))
                .OrderBy(entry => entry.Name, StringComparer.Ordinal)];
        }
        var path = MediaPaths.Resolve(Root, [instance]);
        if (path is null || !Directory.Exists(path))
        {
            return [];
        }
        return [.. PublishedFiles(new DirectoryInfo(path))
            .Select(file => new MediaEntry(file.Name, false, file.Length, file.LastWriteTimeUtc))
            .OrderBy(entry => entry.Name, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Every instance folder with an index.json, its episodes newest first, the most recently written folder first:
    /// the dashboard's recordings. An index that cannot be read is listed with its error.
    /// </summary>
    public IReadOnlyList<RecordedInstance> Instances() =>
        [.. InstanceFolders()
            .Select(folder => new FileInfo(Path.Combine(folder.FullName, MediaPaths.IndexFile)))
            .Where(index => index.Exists)
            .OrderByDescending(index => index.LastWriteTimeUtc)
            .Select(index => ReadInstance(index.Directory!.Name, index.FullName))];

    /// <summary>What the root holds (recorded episodes by status, bytes), measured at most every few seconds.</summary>
    public MediaStats Stats()
    {
        var now = _time.GetUtcNow();
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
        var episodes = Instances().SelectMany(instance => instance.Episodes).ToList();
        return new MediaStats(true, episodes.Count(episode => episode.IsComplete), episodes.Count(episode => !episode.IsComplete), AllFiles().Sum(file => file.Length));
    }

    private static RecordedInstance ReadInstance(string folderName, string indexPath)
    {
        try
        {
            var index = MediaIndex.Read(File.ReadAllBytes(indexPath));
            return new RecordedInstance(folderName, index.EnvId, index.Node, [.. index.Episodes.OrderByDescending(episode => episode.Episode)]);
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
        {
            // Shown on the page: a file damaged on disk, or one an admin edited, should be seen rather than hidden.
            return new RecordedInstance(folderName, null, null, [], $"{MediaPaths.IndexFile} unreadable: {exception.Message}");
        }
    }

    /// <summary>The instance folders: safe names, no links (a link could point out of the root).</summary>
    private IEnumerable<DirectoryInfo> InstanceFolders() =>
        Directory.Exists(Root)
            ? new DirectoryInfo(Root).EnumerateDirectories().Where(folder => MediaPaths.IsSafeSegment(folder.Name) && folder.LinkTarget is null)
            : [];

    /// <summary>Every file under the root, whatever it is: what the size cap and the byte count measure.</summary>
    private IEnumerable<FileInfo> AllFiles() => new DirectoryInfo(Root).EnumerateFiles("*", SearchOption.AllDirectories);

    /// <summary>Files a listing shows: safe names, no links, no video still being written.</summary>
    private static IEnumerable<FileInfo> PublishedFiles(DirectoryInfo folder) =>
        folder.EnumerateFiles().Where(file =>
            MediaPaths.IsSafeSegment(file.Name) && file.LinkTarget is null && !file.Name.EndsWith(MediaPaths.PartialSuffix, StringComparison.Ordinal));
}
