using System.Text.Json;

namespace GymServer.Web.Api;

/// <summary>
/// A request's JSON body, read as gym-http-api reads it: no valid JSON object is "Request is not a valid json"; a
/// missing, null, empty-string or empty-list parameter is missing (required) or its default (optional).
/// </summary>
public sealed class RestBody(JsonElement root)
{
    public static async Task<RestBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? new RestBody(document.RootElement.Clone())
                : throw new RestException("Request is not a valid json");
        }
        catch (JsonException)
        {
            throw new RestException("Request is not a valid json");
        }
    }

    public JsonElement Required(string name) =>
        Find(name) ?? throw new RestException($"A required request parameter '{name}' was not provided");

    public JsonElement? Optional(string name) => Find(name);

    /// <summary>Every parameter as sent, null and empty values included.</summary>
    public IEnumerable<JsonProperty> Properties => root.EnumerateObject();

    public bool Flag(string name) => Find(name) is JsonElement value
        ? value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => value.GetDouble() != 0,
            _ => throw new RestException($"The request parameter '{name}' must be a boolean"),
        }
        : false;

    private JsonElement? Find(string name)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return null;
        }
        var missing = value.ValueKind == JsonValueKind.Null
            || (value.ValueKind == JsonValueKind.String && value.GetString() == "")
            || (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 0);
        return missing ? null : value;
    }
}
