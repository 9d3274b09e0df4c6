namespace GymServer.Web.Api;

/// <summary>The gym-http-api REST API's settings, bound from configuration section <c>Gym:Rest</c>.</summary>
public sealed class RestOptions
{
    public const string SectionName = "Gym:Rest";

    /// <summary>Envs the REST API holds open at once, over all its clients; one more is refused with HTTP 400.</summary>
    public int MaxEnvs { get; set; } = 64;

    /// <summary>Whether POST /v1/shutdown/ stops the server (gym-http-api's integration tests use it); off by default.</summary>
    public bool AllowShutdown { get; set; }
}
