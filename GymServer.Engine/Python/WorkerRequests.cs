using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Python;

/// <summary>The JSON meta of requests (compact UTF-8). Step carries none: its action is the payload.</summary>
internal static class WorkerRequests
{
    public static ReadOnlyMemory<byte> Make(
        string id, IReadOnlyDictionary<string, JsonElement>? kwargs, IReadOnlyList<WrapperSpec> wrappers, string? renderMode) =>
        Write(writer =>
        {
            writer.WriteString("id", id);
            writer.WriteStartObject("kwargs");
            foreach (var (name, value) in kwargs ?? new Dictionary<string, JsonElement>())
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }
            writer.WriteEndObject();
            if (wrappers.Count > 0)
            {
                writer.WritePropertyName("wrappers");
                WrapperSpec.WriteList(writer, wrappers);
            }
            if (renderMode is not null)
            {
                writer.WriteString("render_mode", renderMode);
            }
        });

    public static ReadOnlyMemory<byte> Reset(BigInteger? seed, JsonElement? options)
    {
        if (seed is null && options is null)
        {
            return ReadOnlyMemory<byte>.Empty;
        }
        return Write(writer =>
        {
            if (seed is { } value)
            {
                // Python ints have no size limit, so the seed goes as a JSON integer of any length.
                writer.WritePropertyName("seed");
                writer.WriteRawValue(value.ToString(CultureInfo.InvariantCulture));
            }
            if (options is { } given)
            {
                writer.WritePropertyName("options");
                given.WriteTo(writer);
            }
        });
    }

    public static ReadOnlyMemory<byte> Sample(bool actionSpace, BigInteger? seed) =>
        Write(writer =>
        {
            writer.WriteString("space", actionSpace ? "action" : "observation");
            if (seed is { } value)
            {
                writer.WritePropertyName("seed");
                writer.WriteRawValue(value.ToString(CultureInfo.InvariantCulture));
            }
        });

    public static ReadOnlyMemory<byte> Attach(string path, int length, SharedSlotUse use) =>
        Write(writer =>
        {
            writer.WriteString("path", path);
            writer.WriteNumber("bytes", length);
            writer.WriteString("use", use == SharedSlotUse.Observation ? "observation" : "frame");
        });

    private static ReadOnlyMemory<byte> Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        return buffer.WrittenMemory;
    }
}
