using Microsoft.Extensions.Logging;

namespace GymServer.Engine.Recording;

public sealed partial class MediaLibrary
{
    /// <summary>Deletes whole episodes (video, thumbnail, metadata), oldest first, until the root fits the cap.</summary>
    private void EnforceCap()
    {
        if (_options.MaxBytes <= 0)
        {
            return;
        }
        var files = AllFiles().ToList();
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
