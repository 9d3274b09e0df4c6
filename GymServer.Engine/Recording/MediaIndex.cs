using System.Text.Json;

namespace GymServer.Engine.Recording;

/// <summary>
/// An instance folder's index.json: <c>{"instance","env_id","node","episodes":[...]}</c>, every published episode's
/// metadata by episode, rewritten after each episode and each cap deletion.
/// </summary>
public sealed record MediaIndex(string Instance, string EnvId, string Node, IReadOnlyList<EpisodeMetadata> Episodes)
{
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, RecordingJson.Default.MediaIndex);

    /// <summary>Reads an index.json; fails with <see cref="JsonException"/> on anything else.</summary>
    public static MediaIndex Read(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, RecordingJson.Default.MediaIndex) ?? throw new JsonException("the index is null");
}
