namespace GymServer.Web.Cluster.Messages;

/// <summary>
/// An env error raised on the hosting node, carried back as data: exceptions of the engine's types do not cross
/// the wire with their codes, this does.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RemoteEnvError([property: Id(0)] string Code, [property: Id(1)] string Message);
