namespace GymServer.Web.Cluster.Messages;

/// <summary>A hosted env's frame for a recording on the caller's node: its shape and rgb24 pixels, or the error.</summary>
[GenerateSerializer, Immutable]
public sealed record RemoteFrameResponse(
    [property: Id(0)] int Height,
    [property: Id(1)] int Width,
    [property: Id(2)] byte[] Pixels,
    [property: Id(3)] RemoteEnvError? Error)
{
    public static RemoteFrameResponse Failed(RemoteEnvError error) => new(0, 0, [], error);
}
