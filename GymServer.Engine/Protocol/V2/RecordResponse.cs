using System.Text.Json;
using GymServer.Engine.Recording;

namespace GymServer.Engine.Protocol.V2;

/// <summary>
/// Reply to record: <c>{"ok":true,"url":"3f2a9c0d1b7e4/","video":"cubic"}</c>: the env's media folder relative to
/// /media/, and the schedule in force.
/// </summary>
public readonly ref struct RecordResponse(EnvRecording recording)
{
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteBoolean(Protocol2Names.Ok, true);
        writer.WriteString(Protocol2Names.Url, recording.Url);
        writer.WriteString(Protocol2Names.VideoName, recording.Schedule.Name);
        writer.WriteEndObject();
    }
}
