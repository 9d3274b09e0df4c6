using System.Text.Json;
using GymServer.Protocol.Spaces;
using GymServer.Protocol.Values;

namespace GymServer.Protocol.V2;

/// <summary>Reply to <see cref="ResetRequest"/>: <c>{"observation":[..],"info":{}}</c>.</summary>
/// <param name="Space">The observation space.</param>
/// <param name="Observation">The observation, in the space's layout.</param>
/// <param name="Info">The reset's info.</param>
public readonly ref struct ResetResponse(SpaceDescription Space, ReadOnlySpan<byte> Observation, EnvInfo Info)
{
    private readonly ReadOnlySpan<byte> _observation = Observation;

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(Protocol2Names.Observation);
        Space.WriteValue(_observation, writer);
        writer.WritePropertyName(Protocol2Names.Info);
        Info.WriteTo(writer);
        writer.WriteEndObject();
    }
}
