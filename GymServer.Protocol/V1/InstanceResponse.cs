using System.Text.Json;

namespace GymServer.Protocol.V1;

/// <summary>Reply to <see cref="MakeEnvRequest"/>: <c>{"instance":"3f2a9c0d1b7e4"}</c>.</summary>
/// <param name="InstanceId">The id of the env just made.</param>
public readonly ref struct InstanceResponse(string InstanceId)
{
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString(ProtocolNames.Instance, InstanceId);
        writer.WriteEndObject();
    }
}
