namespace GymServer.Web.Cluster.Messages;

/// <summary>The first observation (raw bytes in the space's layout) and info, or the error.</summary>
[GenerateSerializer, Immutable]
public sealed record RemoteResetResponse(
    [property: Id(0)] byte[] Observation,
    [property: Id(1)] InfoItemMessage[] Info,
    [property: Id(2)] RemoteEnvError? Error);
