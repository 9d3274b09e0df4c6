using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using GymServer.Protocol.Values;

namespace GymServer.Protocol.Binary;

/// <summary>
/// The JSON parts of frames (infos, make's arguments and replies), written into a buffer reused from frame to frame
/// before the frame itself, so that a frame's lengths are known when its header is written and an empty info costs
/// nothing. One per connection; not thread-safe.
/// </summary>
public sealed class FrameJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _writer;

    public FrameJson() => _writer = new Utf8JsonWriter(_buffer, WriterOptions);

    /// <summary>Starts a JSON value: write it to the writer returned, then take it with <see cref="End"/>.</summary>
    public Utf8JsonWriter Begin()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        return _writer;
    }

    /// <summary>The JSON written since <see cref="Begin"/>; valid until the next Begin.</summary>
    public ReadOnlySpan<byte> End()
    {
        _writer.Flush();
        return _buffer.WrittenSpan;
    }

    /// <summary>An info as JSON, or nothing when it is empty (a frame's I = 0).</summary>
    public ReadOnlySpan<byte> Info(EnvInfo info)
    {
        if (info.Count == 0)
        {
            return [];
        }
        info.WriteTo(Begin());
        return End();
    }

    /// <summary>A list of infos as JSON, or nothing when every one is empty (a frame's I = 0).</summary>
    public ReadOnlySpan<byte> Infos(ReadOnlySpan<EnvInfo> infos)
    {
        var any = false;
        foreach (var info in infos)
        {
            any |= info.Count > 0;
        }
        if (!any)
        {
            return [];
        }
        var writer = Begin();
        writer.WriteStartArray();
        foreach (var info in infos)
        {
            info.WriteTo(writer);
        }
        writer.WriteEndArray();
        return End();
    }
}
