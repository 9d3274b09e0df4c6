using GymServer.Web.Tcp;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GymServer.Web.Health;

/// <summary>Readiness of the TCP protocol: the host has started and the listener is bound.</summary>
internal sealed class TcpListenerHealthCheck(TcpEndpoints endpoints, IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!lifetime.ApplicationStarted.IsCancellationRequested || lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("tcp: the server is not running"));
        }
        var bound = endpoints.EndPoints;
        return Task.FromResult(bound.Count > 0
            ? HealthCheckResult.Healthy($"tcp: listening on {string.Join(", ", bound)}")
            : HealthCheckResult.Unhealthy("tcp: no listener bound"));
    }
}
