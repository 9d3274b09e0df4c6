using System.Text.Json;
using GymServer.Engine.Sessions;

namespace GymServer.Engine.Protocol.V2;

/// <summary>Reply to <see cref="ResetRequest"/>: <c>{"observation":[..],"info":{}}</c>.</summary>
/// <param name="Env">The env just reset.</param>
public readonly ref struct ResetResponse(SessionEnv Env)
{
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(Protocol2Names.Observation);
        Env.ObservationSpace.WriteValue(Env.Observation, writer);
        writer.WritePropertyName(Protocol2Names.Info);
        Env.Info.WriteTo(writer);
        writer.WriteEndObject();
    }
}
