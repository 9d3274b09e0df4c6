namespace GymServer.Web.Cluster.Messages;

/// <summary>Reset a hosted env. The seed travels as decimal text (seeds are arbitrary-precision integers).</summary>
[GenerateSerializer, Immutable]
public sealed record RemoteResetRequest(
    [property: Id(0)] long Handle,
    [property: Id(1)] string? Seed,
    [property: Id(2)] string? Options);
