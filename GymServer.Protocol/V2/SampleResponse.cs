using System.Text.Json;
using GymServer.Protocol.Spaces;

namespace GymServer.Protocol.V2;

/// <summary>Reply to <see cref="SampleRequest"/>: <c>{"sample":1}</c>, in the action space's <c>to_jsonable</c> form.</summary>
/// <param name="Space">The action space.</param>
/// <param name="Sample">The sampled action, in the space's layout.</param>
public readonly ref struct SampleResponse(SpaceDescription Space, ReadOnlySpan<byte> Sample)
{
    private readonly ReadOnlySpan<byte> _sample = Sample;

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(Protocol2Names.SampleName);
        Space.WriteValue(_sample, writer);
        writer.WriteEndObject();
    }
}
