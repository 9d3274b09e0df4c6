using System.Text.Json;
using GymServer.Engine.Sessions;

namespace GymServer.Engine.Protocol.V2;

/// <summary>Reply to reset_vec: <c>{"observations":[obs0,obs1,..],"infos":[{..},{..},..]}</c>, one per sub-env.</summary>
/// <param name="Vector">The vector env just reset.</param>
public readonly ref struct VecResetResponse(VectorEnv Vector)
{
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteStartArray(Protocol2Names.Observations);
        foreach (var env in Vector.Envs)
        {
            env.ObservationSpace.WriteValue(env.Observation, writer);
        }
        writer.WriteEndArray();
        writer.WriteStartArray(Protocol2Names.Infos);
        foreach (var env in Vector.Envs)
        {
            env.Info.WriteTo(writer);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
