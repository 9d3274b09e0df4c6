namespace GymServer.Web.Health;

/// <summary>Which endpoint runs a health check: /healthz runs the "live" ones, /readyz the "ready" ones.</summary>
public static class HealthTags
{
    public const string Live = "live";
    public const string Ready = "ready";
}
