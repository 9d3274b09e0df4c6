namespace GymServer.Web.Cluster.Messages;

/// <summary>The env made on the hosting node: its handle there, spec and spaces (as descriptions), or the error.</summary>
[GenerateSerializer, Immutable]
public sealed record RemoteMakeResponse(
    [property: Id(0)] long Handle,
    [property: Id(1)] string Backend,
    [property: Id(2)] RemoteEnvSpec? Spec,
    [property: Id(3)] string ObservationSpace,
    [property: Id(4)] string ActionSpace,
    [property: Id(5)] RemoteEnvError? Error)
{
    public static RemoteMakeResponse Failed(RemoteEnvError error) => new(0, "", null, "", "", error);
}
