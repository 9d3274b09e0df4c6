using System.Text.Json;

namespace GymServer.Protocol.V2;

/// <summary>
/// Reply to record: <c>{"ok":true,"url":"3f2a9c0d1b7e4/","video":"cubic"}</c>: the env's media folder relative to
/// /media/, and the schedule in force.
/// </summary>
/// <param name="Url">The env's media folder, relative to /media/.</param>
/// <param name="Video">The name of the video schedule in force.</param>
public readonly ref struct RecordResponse(string Url, string Video)
{
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteBoolean(Protocol2Names.Ok, true);
        writer.WriteString(Protocol2Names.Url, Url);
        writer.WriteString(Protocol2Names.VideoName, Video);
        writer.WriteEndObject();
    }
}
