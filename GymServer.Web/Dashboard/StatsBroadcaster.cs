using System.Collections.Concurrent;
using GymServer.Engine.Sessions;
using GymServer.Web.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace GymServer.Web.Dashboard;

/// <summary>
/// Queues every ended episode (a quick enqueue on the step path) and flushes the queue as one batch per tick, with a
/// node snapshot every second: hub clients and dashboard pages get at most <see cref="TicksPerSecond"/> + 1
/// messages a second, whatever the load.
/// </summary>
public sealed class StatsBroadcaster(
    NodeActivity activity,
    NodeSnapshotSource snapshots,
    DashboardFeed feed,
    IHubContext<StatsHub> hub,
    ILogger<StatsBroadcaster> logger) : BackgroundService
{
    public const int TicksPerSecond = 4;

    /// <summary>Most episodes sent in one batch; older ones in the same tick are counted as dropped.</summary>
    public const int MaxBatch = 256;

    public const string EpisodesMessage = "episodes";
    public const string SnapshotMessage = "snapshot";

    private readonly ConcurrentQueue<EpisodeRecord> _queue = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        activity.EpisodeEnded += Enqueue;
        try
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / TicksPerSecond));
            var tick = 0L;
            await PublishSnapshotAsync(stoppingToken).ConfigureAwait(false);
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await FlushEpisodesAsync(stoppingToken).ConfigureAwait(false);
                if (++tick % TicksPerSecond == 0)
                {
                    await PublishSnapshotAsync(stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
        finally
        {
            activity.EpisodeEnded -= Enqueue;
        }
    }

    private void Enqueue(EpisodeRecord episode) => _queue.Enqueue(episode);

    private async Task FlushEpisodesAsync(CancellationToken cancellationToken)
    {
        // Take only what is queued now: episodes keep arriving while this runs.
        var count = _queue.Count;
        if (count == 0)
        {
            return;
        }
        var dropped = Math.Max(0, count - MaxBatch);
        var episodes = new List<EpisodeRecord>(Math.Min(count, MaxBatch));
        for (var i = 0; i < count && _queue.TryDequeue(out var episode); i++)
        {
            if (i >= dropped)
            {
                episodes.Add(episode);
            }
        }
        var batch = new EpisodeBatch(snapshots.NodeName, DateTimeOffset.UtcNow, episodes, dropped);
        feed.Publish(batch);
        await SendAsync(EpisodesMessage, batch, cancellationToken).ConfigureAwait(false);
    }

    private async Task PublishSnapshotAsync(CancellationToken cancellationToken)
    {
        var snapshot = snapshots.Capture();
        feed.Publish(snapshot);
        await SendAsync(SnapshotMessage, snapshot, cancellationToken).ConfigureAwait(false);
    }

    private async Task SendAsync(string method, object message, CancellationToken cancellationToken)
    {
        try
        {
            await hub.Clients.All.SendAsync(method, message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A failed send to hub clients must not stop the dashboard's own updates: log it, try on the next tick.
            DashboardLog.HubSendFailed(logger, method, exception);
        }
    }
}
