using System.Numerics;

namespace GymServer.Web.Recordings;

/// <summary>One episode's metadata as the recorder writes it (episode-NNNNNN.json; snake_case on disk).</summary>
public sealed record RecordedEpisode(
    string EnvId,
    string Instance,
    long Episode,
    BigInteger? Seed,
    double Return,
    long Length,
    double Duration,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    string? Node,
    string? Video,
    long? Frames,
    string? Thumbnail,
    string Status)
{
    public const string CompleteStatus = "complete";

    public bool IsComplete => Status == CompleteStatus;

    /// <summary>The video's address under /media, or null when there is none.</summary>
    public string? VideoUrl => Video is null ? null : RecordingLibrary.MediaUrl(Instance, Video);

    public string? ThumbnailUrl => Thumbnail is null ? null : RecordingLibrary.MediaUrl(Instance, Thumbnail);
}
