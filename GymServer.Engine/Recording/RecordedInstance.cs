namespace GymServer.Engine.Recording;

/// <summary>
/// One instance's folder under the media root, read from its index.json; <see cref="Error"/> says why the index
/// could not be read (then <see cref="Episodes"/> is empty).
/// </summary>
public sealed record RecordedInstance(string Instance, string? EnvId, string? Node, IReadOnlyList<EpisodeMetadata> Episodes, string? Error = null);
