using System.Buffers;
using System.Buffers.Binary;
using GymServer.Protocol.Values;

namespace GymServer.Protocol.Binary;

/// <summary>
/// The 0x87 frame, the reply to reset_vec: u32 N, u32 B, N*B observation bytes (sub-env 0 first), u32 I and I bytes
/// of the JSON list of infos (I = 0 when every info is empty). The server writes it with <see cref="Write"/>, a
/// client reads it with <see cref="Read"/>.
/// </summary>
public static class ResetVecReplyFrame
{
    /// <summary>
    /// Writes the frame with the sub-envs' observations of <paramref name="observations"/>; <paramref name="infos"/>
    /// is the infos' JSON list, empty when all are (<see cref="FrameJson.Infos"/>). Nothing is written when copying
    /// the observations throws.
    /// </summary>
    public static void Write(IBufferWriter<byte> output, IObservationSource observations, ReadOnlySpan<byte> infos)
    {
        var count = observations.ObservationCount;
        var observationSize = observations.ObservationSize;
        var payloadLength = 8 + (count * observationSize) + 4 + infos.Length;
        var span = output.GetSpan(FrameHeader.Size + payloadLength);
        FrameHeader.Write(span, FrameType.ResetVecReply, payloadLength);
        var at = FrameHeader.Size;
        BinaryPrimitives.WriteUInt32LittleEndian(span[at..], (uint)count);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(at + 4)..], (uint)observationSize);
        at += 8;
        observations.CopyObservationsTo(span.Slice(at, count * observationSize));
        at += count * observationSize;
        BinaryPrimitives.WriteUInt32LittleEndian(span[at..], (uint)infos.Length);
        infos.CopyTo(span[(at + 4)..]);
        output.Advance(FrameHeader.Size + payloadLength);
    }

    /// <summary>
    /// Reads a payload: N, B, the N*B observation bytes and the infos' JSON list (empty when every info is empty).
    /// </summary>
    public static void Read(ReadOnlySpan<byte> payload, out int count, out int observationSize, out ReadOnlySpan<byte> observations, out ReadOnlySpan<byte> infos)
    {
        var sizes = FrameLayout.Take(payload, 0, 8, "reset_vec reply");
        var n = BinaryPrimitives.ReadUInt32LittleEndian(sizes);
        var b = BinaryPrimitives.ReadUInt32LittleEndian(sizes[4..]);
        if ((long)n * b > payload.Length)
        {
            throw new FormatException($"a reset_vec reply of {payload.Length} bytes cannot hold {n} observations of {b} bytes");
        }
        count = (int)n;
        observationSize = (int)b;
        observations = FrameLayout.Take(payload, 8, count * observationSize, "reset_vec reply");
        infos = FrameLayout.Sized(payload, 8 + (count * observationSize), "reset_vec reply", out var at);
        FrameLayout.End(payload, at, "reset_vec reply");
    }
}
