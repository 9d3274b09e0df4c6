using System.Buffers;
using System.Globalization;

namespace GymServer.Engine.Recording;

/// <summary>
/// The media root's layout, and the only way a path under it is made: from names that are checked to be one plain
/// path segment (letters, digits, '.', '_', '-', starting with a letter or digit), never from raw input.
/// </summary>
public static class MediaPaths
{
    public const string IndexFile = "index.json";
    public const string VideoExtension = ".mp4";
    public const string MetadataExtension = ".json";
    public const string ThumbnailExtension = ".png";

    /// <summary>The suffix of a video ffmpeg is still writing: hidden from listings, renamed when complete.</summary>
    public const string PartialSuffix = ".part";

    private const string EpisodePrefix = "episode-";
    private const int MaxSegmentLength = 128;

    private static readonly SearchValues<char> SegmentChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-");

    /// <summary>
    /// Whether <paramref name="name"/> is one safe path segment: no separators, no dot segments, no hidden files.
    /// </summary>
    public static bool IsSafeSegment(ReadOnlySpan<char> name) =>
        name.Length is > 0 and <= MaxSegmentLength
        && char.IsAsciiLetterOrDigit(name[0])
        && !name.ContainsAnyExcept(SegmentChars);

    /// <summary>The episode's file stem, <c>episode-000008</c>.</summary>
    public static string EpisodeStem(long episode) => EpisodePrefix + episode.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>The episode index of a file named <c>episode-000008.*</c>, if it is one.</summary>
    public static bool TryParseEpisode(string fileName, out long episode)
    {
        episode = -1;
        if (!fileName.StartsWith(EpisodePrefix, StringComparison.Ordinal))
        {
            return false;
        }
        var dot = fileName.IndexOf('.', StringComparison.Ordinal);
        var digits = fileName.AsSpan(EpisodePrefix.Length, (dot < 0 ? fileName.Length : dot) - EpisodePrefix.Length);
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out episode);
    }

    /// <summary>The instance's folder under <paramref name="root"/>; the instance id must be a safe segment.</summary>
    public static string InstanceFolder(string root, string instance) =>
        IsSafeSegment(instance)
            ? Path.Combine(root, instance)
            : throw new ArgumentException($"'{instance}' is not a safe media folder name", nameof(instance));

    /// <summary>
    /// The full path of <c>root/segments...</c> when every segment is safe and the result is inside the root with no
    /// symbolic link on the way (a link could point out of the root); null otherwise.
    /// </summary>
    public static string? Resolve(string root, IReadOnlyList<string> segments)
    {
        var fullRoot = Path.GetFullPath(root);
        var path = fullRoot;
        foreach (var segment in segments)
        {
            if (!IsSafeSegment(segment))
            {
                return null;
            }
            path = Path.Combine(path, segment);
            FileSystemInfo entry = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
            if (entry.Exists && entry.LinkTarget is not null)
            {
                return null;
            }
        }
        var full = Path.GetFullPath(path);
        var inside = full == fullRoot || full.StartsWith(fullRoot.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return inside ? full : null;
    }
}
