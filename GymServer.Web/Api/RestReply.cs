using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GymServer.Web.Api;

/// <summary>JSON replies written straight with a <see cref="Utf8JsonWriter"/>, in the engine's own value forms.</summary>
public static class RestReply
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>An HTTP 200 reply whose body <paramref name="write"/> writes as one JSON value.</summary>
    public static IResult Json(Action<Utf8JsonWriter> write) => Results.Bytes(Write(write), "application/json");

    /// <summary>The UTF-8 JSON that <paramref name="write"/> writes, as a reply body has it.</summary>
    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var body = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(body, WriterOptions))
        {
            write(writer);
        }
        return body.WrittenMemory.ToArray();
    }

    /// <summary><c>{"message": ...}</c> with the given status: gym-http-api's error form.</summary>
    public static IResult Error(string message, int statusCode) =>
        Results.Json(new Dictionary<string, string> { ["message"] = message }, statusCode: statusCode);
}
