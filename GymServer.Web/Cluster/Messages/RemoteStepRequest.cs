namespace GymServer.Web.Cluster.Messages;

/// <summary>Step a hosted env with an action in its raw layout.</summary>
[GenerateSerializer, Immutable]
public sealed record RemoteStepRequest([property: Id(0)] long Handle, [property: Id(1)] byte[] Action);
