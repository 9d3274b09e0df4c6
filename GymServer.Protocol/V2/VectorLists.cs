using System.Text.Json;
using GymServer.Protocol.Spaces;
using GymServer.Protocol.Values;

namespace GymServer.Protocol.V2;

/// <summary>The per-sub-env lists that reset_vec and step_vec replies share: observations and infos, in order.</summary>
internal static class VectorLists
{
    public static void WriteObservations(Utf8JsonWriter writer, SpaceDescription space, ReadOnlySpan<ReadOnlyMemory<byte>> observations)
    {
        writer.WriteStartArray(Protocol2Names.Observations);
        foreach (var observation in observations)
        {
            space.WriteValue(observation.Span, writer);
        }
        writer.WriteEndArray();
    }

    public static void WriteInfos(Utf8JsonWriter writer, ReadOnlySpan<EnvInfo> infos)
    {
        writer.WriteStartArray(Protocol2Names.Infos);
        foreach (var info in infos)
        {
            info.WriteTo(writer);
        }
        writer.WriteEndArray();
    }
}
