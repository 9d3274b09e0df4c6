using GymServer.Engine.Python;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GymServer.Web.Health;

/// <summary>
/// Readiness of the Python pool: ready once a worker serves (or Python is off by configuration); not ready while the
/// workers start or after the pool stopped; degraded, yet ready for native envs, when Python is unavailable.
/// </summary>
internal sealed class PythonWorkersReadyCheck(PythonWorkerPool pool) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = pool.GetStatus();
        var description = $"python: {status.State}, {status.ReadyWorkers} of {status.ConfiguredWorkers} worker(s) up";
        return Task.FromResult(status.State switch
        {
            PythonPoolState.Ready or PythonPoolState.Disabled => HealthCheckResult.Healthy(description),
            PythonPoolState.Unavailable => HealthCheckResult.Degraded(PythonPoolStatus.Unavailable(status.Reason)),
            _ => HealthCheckResult.Unhealthy(description),
        });
    }
}
