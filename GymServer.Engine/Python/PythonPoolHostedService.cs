using Microsoft.Extensions.Hosting;

namespace GymServer.Engine.Python;

/// <summary>
/// Starts the pool with the host, before it listens (hosted services start first), so the node is ready only once
/// its workers are; stops it with the host.
/// </summary>
internal sealed class PythonPoolHostedService(PythonWorkerPool pool) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => pool.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => pool.DisposeAsync().AsTask().WaitAsync(cancellationToken);
}
