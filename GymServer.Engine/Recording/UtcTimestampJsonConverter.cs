using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GymServer.Engine.Recording;

/// <summary>
/// A time in the media files: written in UTC with microseconds (<c>2026-11-23T23:04:44.123456Z</c>, the format
/// docs/recording.md shows and files already on disk hold), read from any ISO 8601 form.
/// </summary>
public sealed class UtcTimestampJsonConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
}
