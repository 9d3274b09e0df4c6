using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GymServer.Engine.Recording;

/// <summary>
/// What is known of a recorded episode, written beside its video as <c>episode-000008.json</c> and gathered in the
/// instance's <see cref="MediaIndex"/>: the recorder writes it and the dashboard reads it, both with this type
/// (<see cref="RecordingJson"/>, snake_case; docs/recording.md shows the format).
/// </summary>
/// <param name="EnvId">The env's id, as made.</param>
/// <param name="Instance">The instance id, also the folder's name.</param>
/// <param name="Episode">The env's finished episodes before this one.</param>
/// <param name="Seed">The seed of the episode's reset, or null; any size (a Python int has no limit).</param>
/// <param name="Return">The sum of the episode's rewards.</param>
/// <param name="Length">Its steps.</param>
/// <param name="Duration">Wall-clock seconds from the reset to the last step.</param>
/// <param name="StartedAt">When the reset happened.</param>
/// <param name="EndedAt">When the last step happened.</param>
/// <param name="Node">The name of the node that recorded it.</param>
/// <param name="Video">The video's file name (it may be missing when the episode failed).</param>
/// <param name="Frames">Frames ffmpeg took.</param>
/// <param name="Thumbnail">The thumbnail's file name; null when it could not be written.</param>
/// <param name="Status"><see cref="Complete"/> or <see cref="Failed"/>.</param>
public sealed record EpisodeMetadata(
    string EnvId,
    string Instance,
    long Episode,
    BigInteger? Seed,
    double Return,
    long Length,
    double Duration,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    string Node,
    string Video,
    long Frames,
    string? Thumbnail,
    string Status)
{
    public const string Complete = "complete";
    public const string Failed = "failed";

    /// <summary>Whether the episode's video is whole (a failed one may be partial or missing).</summary>
    [JsonIgnore]
    public bool IsComplete => Status == Complete;

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, RecordingJson.Default.EpisodeMetadata);

    /// <summary>Reads an episode-NNNNNN.json; fails with <see cref="JsonException"/> on anything else.</summary>
    public static EpisodeMetadata Read(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, RecordingJson.Default.EpisodeMetadata) ?? throw new JsonException("the episode metadata is null");
}
