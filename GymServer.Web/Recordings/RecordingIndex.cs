using System.Text.Json;

namespace GymServer.Web.Recordings;

/// <summary>index.json of an instance folder: <c>{"instance","env_id","node","episodes":[...]}</c>.</summary>
public sealed record RecordingIndex(string Instance, string? EnvId, string? Node, IReadOnlyList<RecordedEpisode>? Episodes)
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new BigIntegerJsonConverter() },
    };
}
