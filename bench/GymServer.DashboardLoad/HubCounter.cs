using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace GymServer.DashboardLoad;

/// <summary>A dashboard-like SignalR client of /hubs/stats that counts the messages it receives, per second.</summary>
public sealed class HubCounter : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Lock _lock = new();
    private readonly Dictionary<long, int> _perSecond = [];
    private bool _counting;

    private HubCounter(HubConnection connection)
    {
        _connection = connection;
        connection.On<JsonElement>("episodes", batch => Count(batch.GetProperty("episodes").GetArrayLength(), batch.GetProperty("dropped").GetInt64()));
        connection.On<JsonElement>("snapshot", _ => Count(0, 0, snapshot: true));
    }

    public long Messages { get; private set; }

    public long Batches { get; private set; }

    public long Snapshots { get; private set; }

    public long EpisodesDelivered { get; private set; }

    public long EpisodesDropped { get; private set; }

    public int MaxInOneSecond
    {
        get
        {
            lock (_lock)
            {
                return _perSecond.Count == 0 ? 0 : _perSecond.Values.Max();
            }
        }
    }

    public static async Task<HubCounter> ConnectAsync(Uri http)
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(http, "/hubs/stats")).Build();
        var counter = new HubCounter(connection);
        await connection.StartAsync();
        return counter;
    }

    public void StartCounting()
    {
        lock (_lock)
        {
            _counting = true;
        }
    }

    public void StopCounting()
    {
        lock (_lock)
        {
            _counting = false;
        }
    }

    private void Count(int episodes, long dropped, bool snapshot = false)
    {
        lock (_lock)
        {
            if (!_counting)
            {
                return;
            }
            Messages++;
            if (snapshot)
            {
                Snapshots++;
            }
            else
            {
                Batches++;
                EpisodesDelivered += episodes;
                EpisodesDropped += dropped;
            }
            var second = Environment.TickCount64 / 1000;
            _perSecond[second] = _perSecond.GetValueOrDefault(second) + 1;
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
