namespace GymServer.Web.Cluster.Messages;

/// <summary>Make an env on the node that receives this, for a session on <see cref="CallerSilo"/>.</summary>
/// <param name="Id">The env id with its backend prefix (<c>python:CartPole-v1</c>): the caller resolved it already.</param>
/// <param name="Kwargs">Each keyword argument's JSON text.</param>
/// <param name="RenderMode">The render mode, if any.</param>
/// <param name="CallerSilo">The calling node's silo address, told when this node leaves.</param>
/// <param name="Wrappers">The wrappers as <c>WrapperSpec</c>'s JSON list, or null for none; the caller checked them.</param>
[GenerateSerializer, Immutable]
public sealed record RemoteMakeRequest(
    [property: Id(0)] string Id,
    [property: Id(1)] Dictionary<string, string>? Kwargs,
    [property: Id(2)] string? RenderMode,
    [property: Id(3)] string CallerSilo,
    [property: Id(4)] string? Wrappers = null);
