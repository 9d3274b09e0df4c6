using System.Text.Json;
using GymServer.Protocol.V1;

namespace GymServer.Web.Api;

/// <summary>
/// gym-http-api's <c>POST observation_space/contains</c>: whether the observation space's info, as
/// <c>GET observation_space/</c> replies it, has every property of the body with the same value, e.g.
/// <c>{"name":"Box","shape":[4]}</c> for CartPole. The original compared <c>json.dumps</c> of both sides; here values
/// compare as JSON values (numbers by value, so <c>4</c> and <c>4.0</c> match). A property the info does not have is
/// refused with the ones it has (the original failed with a KeyError, HTTP 500).
/// </summary>
public static class RestObservationContains
{
    public static async Task<IResult> PostAsync(string instanceId, HttpRequest request, RestEnvStore store, CancellationToken cancellationToken)
    {
        var body = await RestBody.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        var space = store.Require(instanceId).Env.ObservationSpace;
        using var reply = JsonDocument.Parse(RestReply.Write(writer => new SpaceInfoResponse(space.Description).WriteTo(writer)));
        var info = reply.RootElement.GetProperty("info");
        var member = true;
        foreach (var given in body.Properties)
        {
            if (!info.TryGetProperty(given.Name, out var actual))
            {
                var names = string.Join(", ", info.EnumerateObject().Select(property => property.Name));
                throw new RestException($"The observation space's info has no '{given.Name}' (it has {names})");
            }
            member &= SameValue(actual, given.Value);
        }
        return RestReply.Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteBoolean("member", member);
            writer.WriteEndObject();
        });
    }

    /// <summary>Equal JSON values: same kind, numbers equal as doubles, arrays item by item, objects key by key.</summary>
    public static bool SameValue(JsonElement left, JsonElement right)
    {
        if (left.ValueKind != right.ValueKind)
        {
            return false;
        }
        switch (left.ValueKind)
        {
            case JsonValueKind.Number:
                return left.GetDouble() == right.GetDouble();
            case JsonValueKind.String:
                return left.GetString() == right.GetString();
            case JsonValueKind.Array:
                return left.GetArrayLength() == right.GetArrayLength()
                    && left.EnumerateArray().Zip(right.EnumerateArray()).All(pair => SameValue(pair.First, pair.Second));
            case JsonValueKind.Object:
                var count = 0;
                foreach (var property in left.EnumerateObject())
                {
                    if (!right.TryGetProperty(property.Name, out var other) || !SameValue(property.Value, other))
                    {
                        return false;
                    }
                    count++;
                }
                return count == right.EnumerateObject().Count();
            default:
                return true; // true, false, null: the kind is the value
        }
    }
}
