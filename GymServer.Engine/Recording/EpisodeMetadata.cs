using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace GymServer.Engine.Recording;

/// <summary>
/// What is known of a recorded episode, written beside its video as <c>episode-000008.json</c> (snake_case, the
/// contract the dashboard and the docs share).
/// </summary>
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

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("env_id", EnvId);
        writer.WriteString("instance", Instance);
        writer.WriteNumber("episode", Episode);
        writer.WritePropertyName("seed");
        if (Seed is BigInteger seed)
        {
            // A seed may exceed 64 bits (Python ints do): written as the JSON integer it is.
            writer.WriteRawValue(seed.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNullValue();
        }
        writer.WriteNumber("return", Return);
        writer.WriteNumber("length", Length);
        writer.WriteNumber("duration", Duration);
        writer.WriteString("started_at", Utc(StartedAt));
        writer.WriteString("ended_at", Utc(EndedAt));
        writer.WriteString("node", Node);
        writer.WriteString("video", Video);
        writer.WriteNumber("frames", Frames);
        if (Thumbnail is null)
        {
            writer.WriteNull("thumbnail");
        }
        else
        {
            writer.WriteString("thumbnail", Thumbnail);
        }
        writer.WriteString("status", Status);
        writer.WriteEndObject();
    }

    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteTo(writer);
        }
        return buffer.ToArray();
    }

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
