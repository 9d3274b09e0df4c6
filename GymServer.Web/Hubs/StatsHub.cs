using GymServer.Web.Dashboard;
using Microsoft.AspNetCore.SignalR;

namespace GymServer.Web.Hubs;

/// <summary>
/// <c>/hubs/stats</c>: read-only live statistics. The server sends <c>episodes</c> (<see cref="EpisodeBatch"/>, a few
/// times a second) and <c>snapshot</c> (<see cref="NodeSnapshot"/>, every second); a client calls nothing. A new
/// client gets the latest snapshot at once. See docs/dashboard.md.
/// </summary>
public sealed class StatsHub(DashboardFeed feed) : Hub
{
    public override async Task OnConnectedAsync()
    {
        if (feed.Latest is { } snapshot)
        {
            await Clients.Caller.SendAsync(StatsBroadcaster.SnapshotMessage, snapshot).ConfigureAwait(false);
        }
        await base.OnConnectedAsync().ConfigureAwait(false);
    }
}
