using System.Text.Json;

namespace GymServer.Protocol.V2;

/// <summary>Reply to a request that has no result (close): <c>{"ok":true}</c>.</summary>
public readonly ref struct OkResponse
{
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteBoolean(Protocol2Names.Ok, true);
        writer.WriteEndObject();
    }
}
