using System.Text.Json;

namespace GymServer.Protocol.V2;

/// <summary>
/// <c>{"close":{"instance":"3f2a9c0d1b7e4"}}</c> closes one env, <c>{"close":{"all":true}}</c> every env of the
/// connection; the connection stays open. Replies <see cref="OkResponse"/>.
/// </summary>
/// <param name="Instance">The env to close, or null for all.</param>
public sealed record CloseRequest(string? Instance)
{
    public static CloseRequest Read(JsonElement arguments)
    {
        Arguments.OnlyKnown(arguments, Protocol2Names.Close, Protocol2Names.Instance, Protocol2Names.All);
        var hasInstance = arguments.TryGetProperty(Protocol2Names.Instance, out _);
        var hasAll = arguments.TryGetProperty(Protocol2Names.All, out var all);
        if (hasInstance == hasAll)
        {
            throw Arguments.Invalid("close needs one of instance or \"all\":true");
        }
        if (hasAll)
        {
            return all.ValueKind == JsonValueKind.True
                ? new CloseRequest(Instance: null)
                : throw Arguments.Invalid("close.all must be true (name an instance to close one env)");
        }
        return new CloseRequest(Arguments.RequiredString(arguments, Protocol2Names.Close, Protocol2Names.Instance));
    }
}
