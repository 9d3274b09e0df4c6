using System.Text.Json;
using GymServer.Protocol.Framing;

namespace GymServer.Protocol.Binary;

/// <summary>The 0x7F frame: an error reply whose payload is the UTF-8 JSON <c>{"error":{"code":..,"message":..}}</c>.</summary>
public static class ErrorFrame
{
    /// <summary>Writes the frame; <paramref name="json"/> is the caller's reused writer.</summary>
    public static void Write(ReplyBuffer output, Utf8JsonWriter json, string code, string message)
    {
        var start = output.WrittenCount;
        output.GetSpan(FrameHeader.Size);
        output.Advance(FrameHeader.Size);
        json.Reset(output);
        new ErrorResponse(code, message).WriteTo(json);
        json.Flush();
        FrameHeader.Write(output.Rewrite(start, FrameHeader.Size), FrameType.Error, (int)json.BytesCommitted);
    }
}
