namespace GymServer.Web.Cluster;

/// <summary>
/// Starts the node's cluster work once the host (Kestrel, then the silo) has started: membership notices and the
/// snapshot loop; when a node dies, the envs hosted here for its sessions are closed. On a graceful stop it drains before anything stops: no more hosted envs, and every node whose
/// sessions hold envs here is told, so those sessions get node_lost at once rather than after a timeout.
/// </summary>
public sealed class ClusterLifecycle(
    HostedEnvs hosted,
    NodeLinks links,
    ClusterDirectory directory,
    LocalNode local,
    GymClusterOptions options,
    ISiloStatusOracle oracle,
    ILogger<ClusterLifecycle> logger) : IHostedLifecycleService, ISiloStatusListener
{
    private static readonly TimeSpan LeaveNoticeTimeout = TimeSpan.FromSeconds(2);
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        oracle.SubscribeToSiloStatusEvents(links);
        oracle.SubscribeToSiloStatusEvents(this);
        _loop = directory.RunAsync(_stopping.Token);
        ClusterLog.Joined(logger, local.Name, local.Silo, options.Placement);
        return Task.CompletedTask;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var callers = hosted.Callers();
        ClusterLog.Draining(logger, callers.Count, hosted.Count);
        var reason = $"node {local.Name} is shutting down";
        var notices = hosted.DrainAsync(reason);
        await Task.WhenAll(callers.Select(caller => NotifyAsync(caller, reason))).ConfigureAwait(false);
        await notices.ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The loop ends by cancellation.
        }
        oracle.UnSubscribeFromSiloStatusEvents(links);
        oracle.UnSubscribeFromSiloStatusEvents(this);
    }

    public void SiloStatusChangeNotification(SiloAddress updatedSilo, SiloStatus status)
    {
        if (status == SiloStatus.Dead)
        {
            var silo = updatedSilo.ToParsableString();
            ClusterLog.CallerGone(logger, silo, status);
            _ = hosted.CloseForCallerAsync(silo);
        }
    }

    // The token source is not disposed: a host may be stopped twice (WebApplicationFactory stops it on dispose
    // after a stop), and a source without a timer holds nothing to release.
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task NotifyAsync(string caller, string reason)
    {
        try
        {
            await links.Get(caller).Grain.NodeLeavingAsync(local.Silo, reason).WaitAsync(LeaveNoticeTimeout).ConfigureAwait(false);
        }
        catch (Exception error) when (error is OrleansException or TimeoutException)
        {
            ClusterLog.LeaveNoticeFailed(logger, caller, error.Message);
        }
    }
}
