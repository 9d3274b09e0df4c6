using System.Buffers;
using System.Text.Json;
using GymServer.Protocol.Spaces;

namespace GymServer.Protocol.V1;

/// <summary>Reply to a reset: <c>{"observation":[0.0273,-0.0061,0.0359,0.0197]}</c>.</summary>
/// <param name="Space">The observation space.</param>
/// <param name="Observation">The observation, in the space's layout.</param>
public readonly ref struct ObservationResponse(SpaceDescription Space, ReadOnlySpan<byte> Observation)
{
    private readonly ReadOnlySpan<byte> _observation = Observation;

    /// <summary>Writes the reply; <paramref name="body"/> is where <paramref name="writer"/> writes, if the caller has it
    /// (see <see cref="ProtocolValues.Write"/>).</summary>
    public void WriteTo(Utf8JsonWriter writer, IBufferWriter<byte>? body = null)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(ProtocolNames.Observation);
        ProtocolValues.Write(Space, _observation, writer, body);
        writer.WriteEndObject();
    }
}
