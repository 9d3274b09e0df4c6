namespace GymServer.Web.Cluster.Messages;

/// <summary>
/// One info entry with its kind kept (an <c>InfoKind</c> as int), so the caller's node writes it exactly as the
/// hosting node would have: floats stay floats for protocol 1's Python spelling.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record InfoItemMessage(
    [property: Id(0)] string Key,
    [property: Id(1)] int Kind,
    [property: Id(2)] double Float,
    [property: Id(3)] long Integer,
    [property: Id(4)] byte[]? Payload);
