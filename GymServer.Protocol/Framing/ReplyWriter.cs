using System.Buffers;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GymServer.Protocol.Framing;

/// <summary>
/// Frames replies: the JSON body, compressed with zlib (RFC 1950) when the client asked for it, then "\r\n\r\n".
/// One instance per connection; it reuses one <see cref="Utf8JsonWriter"/> and, when compressing, one buffer for
/// the uncompressed body.
/// </summary>
public sealed class ReplyWriter
{
    /// <summary>What ends every reply, compressed or not.</summary>
    public static ReadOnlySpan<byte> Terminator => "\r\n\r\n"u8;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // A socket protocol, not HTML: no need to escape '<', '&' or quotes in messages as \uXXXX.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private readonly Utf8JsonWriter _json = new(Stream.Null, WriterOptions);
    private ArrayBufferWriter<byte>? _uncompressed;
    private IBufferWriter<byte>? _body;
    private int _compressionLevel;

    /// <summary>The zlib level replies are compressed at; 0 is off.</summary>
    public int CompressionLevel
    {
        get => _compressionLevel;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 0);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 9);
            _compressionLevel = value;
        }
    }

    /// <summary>
    /// Where the JSON writer of the reply begun last writes: the output itself, or the buffer a compressed reply's
    /// body is written to first. A writer of large values may write here directly once the JSON writer is flushed.
    /// </summary>
    public IBufferWriter<byte> Body => _body ?? throw new InvalidOperationException("No reply has been begun.");

    /// <summary>Starts a reply to <paramref name="output"/>: write one JSON value to the writer, then call <see cref="End"/>.</summary>
    public Utf8JsonWriter Begin(IBufferWriter<byte> output)
    {
        if (_compressionLevel == 0)
        {
            _body = output;
        }
        else
        {
            _uncompressed ??= new ArrayBufferWriter<byte>(1024);
            _uncompressed.ResetWrittenCount();
            _body = _uncompressed;
        }
        _json.Reset(_body);
        return _json;
    }

    /// <summary>Ends the reply begun with <see cref="Begin"/>: compresses it if asked to, and appends the terminator.</summary>
    public void End(IBufferWriter<byte> output)
    {
        _json.Flush();
        if (_compressionLevel > 0)
        {
            Compress(_uncompressed!.WrittenSpan, output, _compressionLevel);
        }
        output.Write(Terminator);
    }

    /// <summary>Writes a complete error reply.</summary>
    public void WriteError(IBufferWriter<byte> output, string code, string message)
    {
        new ErrorResponse(code, message).WriteTo(Begin(output));
        End(output);
    }

    /// <summary>
    /// A compressed reply's body as it was before <see cref="Compress"/>, for a client reading protocol 1 after
    /// <c>{"server":{"compression":..}}</c>. Throws <see cref="InvalidDataException"/> when it is no zlib stream.
    /// </summary>
    public static byte[] Decompress(ReadOnlySpan<byte> body)
    {
        using var input = new MemoryStream(body.ToArray());
        using var zlib = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        zlib.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>Python's <c>zlib.compress(body, level)</c>: one complete zlib stream with its header and Adler-32.</summary>
    public static void Compress(ReadOnlySpan<byte> body, IBufferWriter<byte> output, int level)
    {
        using var sink = new BufferWriterStream(output);
        using (var zlib = new ZLibStream(sink, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true))
        {
            zlib.Write(body);
        }
    }
}
