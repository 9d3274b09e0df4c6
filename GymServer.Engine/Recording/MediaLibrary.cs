using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace GymServer.Engine.Recording;

/// <summary>
/// The media root on disk: publishes a finished episode (its metadata and the instance's index.json), keeps the
/// root under <see cref="MediaOptions.MaxBytes"/> by deleting the oldest episodes, and lists what is there.
/// Writes are serialised, so encoders finishing together never interleave an index.
/// </summary>
public sealed class MediaLibrary
{
    private readonly MediaOptions _options;
    private readonly MediaStatus _status;
    private readonly ILogger<MediaLibrary> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public MediaLibrary(MediaOptions options, MediaStatus status, ILogger<MediaLibrary> logger)
    {
        _options = options;
        _status = status;
        _logger = logger;
        Root = Path.GetFullPath(options.Root);
    }

    /// <summary>The media root's full path.</summary>
    public string Root { get; }

    /// <summary>The instance's folder, made if missing; null (and video off) when it cannot be made.</summary>
    internal string? PrepareFolder(string instance)
    {
        try
        {
            return Directory.CreateDirectory(MediaPaths.InstanceFolder(Root, instance)).FullName;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            _status.TurnVideoOff($"cannot create a folder under the media root {Root} ({error.Message})");
            return null;
        }
    }

    /// <summary>Writes the episode's metadata, rewrites the instance's index.json, then applies the size cap.</summary>
    internal async Task PublishAsync(EpisodeMetadata metadata)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            var folder = MediaPaths.InstanceFolder(Root, metadata.Instance);
            WriteAtomically(Path.Combine(folder, MediaPaths.EpisodeStem(metadata.Episode) + MediaPaths.MetadataExtension), metadata.ToJson());
            WriteIndex(folder, metadata.Instance, metadata.EnvId, metadata.Node);
            EnforceCap();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            _status.TurnVideoOff($"writing under the media root {Root} failed ({error.Message})");
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The instance folders under the root (null) or the published files of one instance, by name.</summary>
    public IReadOnlyList<MediaEntry> List(string? instance = null)
    {
        if (instance is null)
        {
            if (!Directory.Exists(Root))
            {
                return [];
            }
            return [.. new DirectoryInfo(Root).EnumerateDirectories()
                .Where(folder => MediaPaths.IsSafeSegment(folder.Name) && folder.LinkTarget is null)
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

    /// <summary>Files a listing shows: safe names, no links, no video still being written.</summary>
    private static IEnumerable<FileInfo> PublishedFiles(DirectoryInfo folder) =>
        folder.EnumerateFiles().Where(file =>
            MediaPaths.IsSafeSegment(file.Name) && file.LinkTarget is null && !file.Name.EndsWith(MediaPaths.PartialSuffix, StringComparison.Ordinal));

    private static void WriteIndex(string folder, string instance, string envId, string node)
    {
        var episodes = new List<EpisodeMetadata>();
        foreach (var file in EpisodeMetadataFiles(folder))
        {
            // Each file is JSON this library wrote; a damaged one is left out rather than breaking the index.
            try
            {
                episodes.Add(EpisodeMetadata.Read(File.ReadAllBytes(file.Path)));
            }
            catch (JsonException)
            {
            }
        }
        WriteAtomically(Path.Combine(folder, MediaPaths.IndexFile), new MediaIndex(instance, envId, node, episodes).ToJson());
    }

    private static IEnumerable<(long Episode, string Path)> EpisodeMetadataFiles(string folder) =>
        Directory.EnumerateFiles(folder, "episode-*" + MediaPaths.MetadataExtension)
            .Select(path => (Ok: MediaPaths.TryParseEpisode(Path.GetFileName(path), out var episode), episode, path))
            .Where(file => file.Ok)
            .Select(file => (file.episode, file.path))
            .OrderBy(file => file.episode);

    private static void WriteAtomically(string path, byte[] content)
    {
        // Readers (the HTTP side) see the old file or the new one, never half of one.
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Deletes whole episodes (video, thumbnail, metadata), oldest first, until the root fits the cap.</summary>
    private void EnforceCap()
    {
        if (_options.MaxBytes <= 0)
        {
            return;
        }
        var files = new DirectoryInfo(Root).EnumerateFiles("*", SearchOption.AllDirectories).ToList();
        var total = files.Sum(file => file.Length);
        if (total <= _options.MaxBytes)
        {
            return;
        }
        var episodes = files
            .Where(file => file.Directory is not null && MediaPaths.TryParseEpisode(file.Name, out _) && !file.Name.EndsWith(MediaPaths.PartialSuffix, StringComparison.Ordinal))
            .GroupBy(file => (Folder: file.Directory!.FullName, Episode: EpisodeOf(file.Name)))
            .OrderBy(group => group.Max(file => file.LastWriteTimeUtc))
            .ToList();
        var touched = new HashSet<string>(StringComparer.Ordinal);
        // The newest episode is kept even if it alone passes the cap: deleting what was just recorded helps no one.
        foreach (var episode in episodes.Take(episodes.Count - 1))
        {
            if (total <= _options.MaxBytes)
            {
                break;
            }
            foreach (var file in episode)
            {
                total -= file.Length;
                file.Delete();
            }
            touched.Add(episode.Key.Folder);
            MediaLog.EpisodeDeleted(_logger, _options.MaxBytes, Path.GetFileName(episode.Key.Folder), episode.Key.Episode);
        }
        foreach (var folder in touched)
        {
            RewriteIndex(folder);
        }
    }

    private static void RewriteIndex(string folder)
    {
        var indexPath = Path.Combine(folder, MediaPaths.IndexFile);
        if (!File.Exists(indexPath))
        {
            return;
        }
        var old = MediaIndex.Read(File.ReadAllBytes(indexPath));
        WriteIndex(folder, old.Instance, old.EnvId, old.Node);
    }

    private static long EpisodeOf(string name) => MediaPaths.TryParseEpisode(name, out var episode) ? episode : -1;
}
