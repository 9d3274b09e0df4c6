using System.Text.Json;

namespace GymServer.Protocol.V1;

/// <summary>
/// Reply to the url command: <c>{"url":"3f2a9c0d1b7e4/"}</c>, the folder where the env's recordings are published,
/// relative to the media root the HTTP side serves.
/// </summary>
/// <param name="Url">The relative path.</param>
public readonly ref struct UrlResponse(string Url)
{
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString(ProtocolNames.Url, Url);
        writer.WriteEndObject();
    }
}
