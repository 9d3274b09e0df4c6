using System.Text.Json.Serialization;

namespace GymServer.Engine.Recording;

/// <summary>
/// The JSON of the media files (episode metadata and index.json), generated at build time: snake_case keys, seeds as
/// integers of any size, times in UTC with microseconds. The one contract the recorder writes and the dashboard reads.
/// Reading is as strict as the types: every key the writer writes must be there, and null only where a type allows it.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    Converters = [typeof(BigIntegerJsonConverter), typeof(UtcTimestampJsonConverter)])]
[JsonSerializable(typeof(EpisodeMetadata))]
[JsonSerializable(typeof(MediaIndex))]
internal sealed partial class RecordingJson : JsonSerializerContext;
