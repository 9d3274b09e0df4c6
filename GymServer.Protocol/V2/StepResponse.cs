using System.Text.Json;
using GymServer.Protocol.Spaces;
using GymServer.Protocol.Values;

namespace GymServer.Protocol.V2;

/// <summary>
/// Reply to <see cref="StepRequest"/>: <c>{"observation":[..],"reward":1.0,"terminated":false,"truncated":false,
/// "info":{}}</c>. Rewards are floats, or integers for envs whose Gymnasium rewards are Python ints (toy text).
/// </summary>
/// <param name="Space">The observation space.</param>
/// <param name="Observation">The observation, in the space's layout.</param>
/// <param name="Result">The step's reward and flags.</param>
/// <param name="IntegerRewards">Whether the env's spec says its rewards are ints.</param>
/// <param name="Info">The step's info.</param>
public readonly ref struct StepResponse(SpaceDescription Space, ReadOnlySpan<byte> Observation, StepResult Result, bool IntegerRewards, EnvInfo Info)
{
    private readonly ReadOnlySpan<byte> _observation = Observation;

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(Protocol2Names.Observation);
        Space.WriteValue(_observation, writer);
        writer.WritePropertyName(Protocol2Names.Reward);
        PythonJson.WriteReward(writer, Result, IntegerRewards);
        writer.WriteBoolean(Protocol2Names.Terminated, Result.Terminated);
        writer.WriteBoolean(Protocol2Names.Truncated, Result.Truncated);
        writer.WritePropertyName(Protocol2Names.Info);
        Info.WriteTo(writer);
        writer.WriteEndObject();
    }
}
