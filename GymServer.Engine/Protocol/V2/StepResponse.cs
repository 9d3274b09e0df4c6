using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Sessions;

namespace GymServer.Engine.Protocol.V2;

/// <summary>
/// Reply to <see cref="StepRequest"/>: <c>{"observation":[..],"reward":1.0,"terminated":false,"truncated":false,
/// "info":{}}</c>. Rewards are floats, or integers for envs whose Gymnasium rewards are Python ints (toy text).
/// </summary>
/// <param name="Env">The env just stepped.</param>
/// <param name="Result">The step's reward and flags.</param>
public readonly ref struct StepResponse(SessionEnv Env, StepResult Result)
{
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(Protocol2Names.Observation);
        Env.ObservationSpace.WriteValue(Env.Observation, writer);
        writer.WritePropertyName(Protocol2Names.Reward);
        PythonJson.WriteReward(writer, Result, Env.Instance.Spec.IntegerRewards);
        writer.WriteBoolean(Protocol2Names.Terminated, Result.Terminated);
        writer.WriteBoolean(Protocol2Names.Truncated, Result.Truncated);
        writer.WritePropertyName(Protocol2Names.Info);
        Env.Info.WriteTo(writer);
        writer.WriteEndObject();
    }
}
