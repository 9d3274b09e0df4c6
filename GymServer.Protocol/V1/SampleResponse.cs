using System.Buffers;
using System.Text.Json;
using GymServer.Protocol.Spaces;

namespace GymServer.Protocol.V1;

/// <summary>
/// Reply to an action-space sample: <c>{"sample":1}</c>. The sample is the object's first (and only) member, which
/// is where the C++ client reads it.
/// </summary>
/// <param name="Space">The action space.</param>
/// <param name="Sample">The sampled action, in the space's layout.</param>
public readonly ref struct SampleResponse(SpaceDescription Space, ReadOnlySpan<byte> Sample)
{
    private readonly ReadOnlySpan<byte> _sample = Sample;

    /// <summary>Writes the reply; <paramref name="body"/> is where <paramref name="writer"/> writes, if the caller has it
    /// (see <see cref="ProtocolValues.Write"/>).</summary>
    public void WriteTo(Utf8JsonWriter writer, IBufferWriter<byte>? body = null)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(ProtocolNames.Sample);
        ProtocolValues.Write(Space, _sample, writer, body);
        writer.WriteEndObject();
    }
}
