namespace GymServer.Web.Security;

/// <summary>
/// Runs <see cref="ExposureCheck"/> once the server has bound its ports: in <c>StartedAsync</c>, which the host calls
/// after every hosted service (Kestrel's included) has started and before it reports the application started, so
/// the warning is logged before anyone is told the server is up.
/// </summary>
internal sealed class ExposureCheckService(IServiceProvider services, ILogger<ExposureCheckService> logger) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        ExposureCheck.Run(services, logger);
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
