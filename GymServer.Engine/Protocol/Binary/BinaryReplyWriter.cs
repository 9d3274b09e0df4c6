using System.Buffers.Binary;
using System.Text.Encodings.Web;
using System.Text.Json;
using GymServer.Engine.Sessions;

namespace GymServer.Engine.Protocol.Binary;

/// <summary>
/// Writes binary reply frames: step_vec replies straight from the sub-envs' observation buffers, and error frames.
/// One instance per connection; it reuses one <see cref="Utf8JsonWriter"/> for infos and errors, so a step whose
/// infos are all empty (CartPole's) allocates nothing.
/// </summary>
public sealed class BinaryReplyWriter
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private readonly Utf8JsonWriter _json = new(Stream.Null, WriterOptions);

    /// <summary>
    /// Writes the 0x81 frame for the vector's last step: u32 N, u32 B, N*B observation bytes, N float64 rewards,
    /// N u8 terminated, N u8 truncated, u32 I and I bytes of the JSON list of infos (I = 0 when all are empty).
    /// </summary>
    public void WriteStepVec(ReplyBuffer output, VectorEnv vector)
    {
        var envs = vector.Envs;
        var results = vector.Results;
        var count = envs.Count;
        var observationSize = envs[0].ObservationSpace.ByteSize;
        var fixedSize = 4 + 4 + count * observationSize + count * (8 + 1 + 1) + 4;
        var start = output.WrittenCount;
        var span = output.GetSpan(FrameHeader.Size + fixedSize);
        BinaryPrimitives.WriteUInt32LittleEndian(span[FrameHeader.Size..], (uint)count);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(FrameHeader.Size + 4)..], (uint)observationSize);
        var observations = span.Slice(FrameHeader.Size + 8, count * observationSize);
        var rewards = span.Slice(FrameHeader.Size + 8 + count * observationSize, count * 8);
        var flags = span.Slice(FrameHeader.Size + 8 + count * (observationSize + 8), 2 * count);
        var terminated = flags[..count];
        var truncated = flags[count..];
        var anyInfo = false;
        for (var i = 0; i < count; i++)
        {
            var env = envs[i];
            env.Observation.CopyTo(observations.Slice(i * observationSize, observationSize));
            BinaryPrimitives.WriteDoubleLittleEndian(rewards[(i * 8)..], results[i].Reward);
            terminated[i] = results[i].Terminated ? (byte)1 : (byte)0;
            truncated[i] = results[i].Truncated ? (byte)1 : (byte)0;
            anyInfo |= env.Info.Count > 0;
        }
        var infoLengthAt = FrameHeader.Size + fixedSize - 4;
        BinaryPrimitives.WriteUInt32LittleEndian(span[infoLengthAt..], 0);
        output.Advance(FrameHeader.Size + fixedSize);
        var infoLength = 0;
        if (anyInfo)
        {
            _json.Reset(output);
            _json.WriteStartArray();
            foreach (var env in envs)
            {
                env.Info.WriteTo(_json);
            }
            _json.WriteEndArray();
            _json.Flush();
            infoLength = (int)_json.BytesCommitted;
        }
        var frame = output.Rewrite(start, FrameHeader.Size + fixedSize);
        BinaryPrimitives.WriteUInt32LittleEndian(frame[infoLengthAt..], (uint)infoLength);
        FrameHeader.Write(frame, FrameType.StepVecReply, fixedSize + infoLength);
    }

    /// <summary>Writes a 0x7F frame whose payload is <c>{"error":{"code":..,"message":..}}</c>.</summary>
    public void WriteError(ReplyBuffer output, string code, string message)
    {
        var start = output.WrittenCount;
        output.GetSpan(FrameHeader.Size);
        output.Advance(FrameHeader.Size);
        _json.Reset(output);
        new ErrorResponse(code, message).WriteTo(_json);
        _json.Flush();
        FrameHeader.Write(output.Rewrite(start, FrameHeader.Size), FrameType.Error, (int)_json.BytesCommitted);
    }
}
