namespace GymServer.Web.Security;

/// <summary>Client authentication, bound from configuration section <c>Gym:Auth</c>. Off while no token is set.</summary>
public sealed class GymAuthOptions
{
    public const string SectionName = "Gym:Auth";

    /// <summary>
    /// The tokens a client may present (any one of them): as the TCP connection's first request
    /// <c>{"auth":{"token":"..."}}</c>, and over HTTP as <c>Authorization: Bearer ...</c> on the routes that ask for
    /// it. Empty (the default): no authentication.
    /// </summary>
    public List<string> Tokens { get; set; } = [];
}
