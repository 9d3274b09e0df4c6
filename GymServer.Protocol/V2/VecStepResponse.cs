using System.Text.Json;
using GymServer.Protocol.Spaces;
using GymServer.Protocol.Values;

namespace GymServer.Protocol.V2;

/// <summary>
/// Reply to <see cref="StepVecRequest"/>: <c>{"observations":[..],"rewards":[..],"terminated":[..],"truncated":[..],
/// "infos":[..]}</c>, each list one entry per sub-env in order.
/// </summary>
/// <param name="Space">One sub-env's observation space.</param>
/// <param name="Observations">Each sub-env's observation, in the space's layout.</param>
/// <param name="Results">Each sub-env's reward and flags.</param>
/// <param name="IntegerRewards">Whether the env's spec says its rewards are ints.</param>
/// <param name="Infos">Each sub-env's info.</param>
public readonly ref struct VecStepResponse(
    SpaceDescription Space,
    ReadOnlySpan<ReadOnlyMemory<byte>> Observations,
    ReadOnlySpan<StepResult> Results,
    bool IntegerRewards,
    ReadOnlySpan<EnvInfo> Infos)
{
    private readonly ReadOnlySpan<ReadOnlyMemory<byte>> _observations = Observations;
    private readonly ReadOnlySpan<StepResult> _results = Results;
    private readonly ReadOnlySpan<EnvInfo> _infos = Infos;

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        VectorLists.WriteObservations(writer, Space, _observations);
        writer.WriteStartArray(Protocol2Names.Rewards);
        foreach (var result in _results)
        {
            PythonJson.WriteReward(writer, result, IntegerRewards);
        }
        writer.WriteEndArray();
        writer.WriteStartArray(Protocol2Names.Terminated);
        foreach (var result in _results)
        {
            writer.WriteBooleanValue(result.Terminated);
        }
        writer.WriteEndArray();
        writer.WriteStartArray(Protocol2Names.Truncated);
        foreach (var result in _results)
        {
            writer.WriteBooleanValue(result.Truncated);
        }
        writer.WriteEndArray();
        VectorLists.WriteInfos(writer, _infos);
        writer.WriteEndObject();
    }
}
