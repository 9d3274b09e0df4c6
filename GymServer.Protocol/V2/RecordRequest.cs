using System.Text.Json;

namespace GymServer.Protocol.V2;

/// <summary>
/// <c>{"record":{"instance":"3f2a9c0d1b7e4","video":"every:10"}}</c>: record an env's episodes. Statistics are kept
/// for every env; this adds videos of the episodes the schedule picks (<c>"cubic"</c>, <c>"every:N"</c> or
/// <c>"none"</c>; the node's schedule when left out), from the next reset. Replies <see cref="RecordResponse"/>.
/// </summary>
/// <param name="Instance">The env to record.</param>
/// <param name="Video">The schedule as written (the server parses it), or null for the node's.</param>
public sealed record RecordRequest(string Instance, string? Video)
{
    public static RecordRequest Read(JsonElement arguments)
    {
        Arguments.OnlyKnown(arguments, Protocol2Names.Record, Protocol2Names.Instance, Protocol2Names.Video);
        var instance = Arguments.RequiredString(arguments, Protocol2Names.Record, Protocol2Names.Instance);
        var video = Arguments.OptionalString(arguments, Protocol2Names.Record, Protocol2Names.Video);
        return new RecordRequest(instance, video);
    }
}
