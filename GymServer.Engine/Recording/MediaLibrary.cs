using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace GymServer.Engine.Recording;

/// <summary>
/// The media root on disk, the one class that writes and reads it: publishes a finished episode (its metadata and the
/// instance's index.json), keeps the root under <see cref="MediaOptions.MaxBytes"/> by deleting the oldest episodes
/// (MediaLibrary.Cap.cs), and lists what is there for /media and the dashboard (MediaLibrary.Reading.cs).
/// Writes are serialised, so encoders finishing together never interleave an index.
/// </summary>
public sealed partial class MediaLibrary
{
    private readonly MediaOptions _options;
    private readonly MediaStatus _status;
    private readonly ILogger<MediaLibrary> _logger;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public MediaLibrary(MediaOptions options, MediaStatus status, TimeProvider time, ILogger<MediaLibrary> logger)
    {
        _options = options;
        _status = status;
        _time = time;
        _logger = logger;
        Root = Path.GetFullPath(options.Root);
    }

    /// <summary>The media root's full path.</summary>
    public string Root { get; }

    /// <summary>The media root's cap in bytes (<see cref="MediaOptions.MaxBytes"/>); 0: no cap.</summary>
    public long MaxBytes => _options.MaxBytes;

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
}
