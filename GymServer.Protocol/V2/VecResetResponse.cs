using System.Text.Json;
using GymServer.Protocol.Spaces;
using GymServer.Protocol.Values;

namespace GymServer.Protocol.V2;

/// <summary>Reply to reset_vec: <c>{"observations":[obs0,obs1,..],"infos":[{..},{..},..]}</c>, one per sub-env.</summary>
/// <param name="Space">One sub-env's observation space.</param>
/// <param name="Observations">Each sub-env's observation, in the space's layout.</param>
/// <param name="Infos">Each sub-env's info.</param>
public readonly ref struct VecResetResponse(SpaceDescription Space, ReadOnlySpan<ReadOnlyMemory<byte>> Observations, ReadOnlySpan<EnvInfo> Infos)
{
    private readonly ReadOnlySpan<ReadOnlyMemory<byte>> _observations = Observations;
    private readonly ReadOnlySpan<EnvInfo> _infos = Infos;

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        VectorLists.WriteObservations(writer, Space, _observations);
        VectorLists.WriteInfos(writer, _infos);
        writer.WriteEndObject();
    }
}
