using System.Text.Json;
using GymServer.Engine.Sessions;

namespace GymServer.Engine.Protocol.V2;

/// <summary>
/// Reply to <see cref="StepVecRequest"/>: <c>{"observations":[..],"rewards":[..],"terminated":[..],"truncated":[..],
/// "infos":[..]}</c>, each list one entry per sub-env in order.
/// </summary>
/// <param name="Vector">The vector env just stepped.</param>
public readonly ref struct VecStepResponse(VectorEnv Vector)
{
    public void WriteTo(Utf8JsonWriter writer)
    {
        var results = Vector.Results;
        writer.WriteStartObject();
        writer.WriteStartArray(Protocol2Names.Observations);
        foreach (var env in Vector.Envs)
        {
            env.ObservationSpace.WriteValue(env.Observation, writer);
        }
        writer.WriteEndArray();
        writer.WriteStartArray(Protocol2Names.Rewards);
        for (var i = 0; i < results.Length; i++)
        {
            PythonJson.WriteReward(writer, results[i], Vector.Envs[i].Instance.Spec.IntegerRewards);
        }
        writer.WriteEndArray();
        writer.WriteStartArray(Protocol2Names.Terminated);
        foreach (var result in results)
        {
            writer.WriteBooleanValue(result.Terminated);
        }
        writer.WriteEndArray();
        writer.WriteStartArray(Protocol2Names.Truncated);
        foreach (var result in results)
        {
            writer.WriteBooleanValue(result.Truncated);
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
