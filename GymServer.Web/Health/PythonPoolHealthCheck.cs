using GymServer.Engine.Python;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GymServer.Web.Health;

/// <summary>
/// The Python pool on /healthz: healthy when it serves or is disabled by configuration; degraded (the node still
/// serves native envs) while workers start or when Python is unavailable, with the reason.
/// </summary>
internal sealed class PythonPoolHealthCheck(PythonWorkerPool pool) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = pool.GetStatus();
        var description = $"python: {status.State}, {status.ReadyWorkers} of {status.ConfiguredWorkers} worker(s) ready, {status.Envs} env(s)";
        var data = new Dictionary<string, object> { ["state"] = status.State.ToString(), ["ready_workers"] = status.ReadyWorkers };
        return Task.FromResult(status.State switch
        {
            PythonPoolState.Ready when status.ReadyWorkers == status.ConfiguredWorkers => HealthCheckResult.Healthy(description, data),
            PythonPoolState.Disabled => HealthCheckResult.Healthy(description, data),
            PythonPoolState.Unavailable => HealthCheckResult.Degraded(PythonPoolStatus.Unavailable(status.Reason), data: data),
            _ => HealthCheckResult.Degraded(description, data: data),
        });
    }
}
