using System.Diagnostics.Metrics;

namespace GymServer.Web.Metrics;

/// <summary>The server's instruments, on one meter named after the product.</summary>
public sealed class GymMetrics
{
    public const string MeterName = "GymServer";

    public const string ReadPausesName = "gymserver.connections.read_pauses";

    private readonly UpDownCounter<long> _activeConnections;
    private readonly Counter<long> _refusedConnections;
    private readonly Counter<long> _failedRequests;
    private readonly Counter<long> _readPauses;

    public GymMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _activeConnections = meter.CreateUpDownCounter<long>("gymserver.connections.active", "{connection}", "Open TCP connections");
        _refusedConnections = meter.CreateCounter<long>("gymserver.connections.refused", "{connection}", "TCP connections refused at the connection limit");
        _failedRequests = meter.CreateCounter<long>("gymserver.requests.failed", "{request}", "Requests answered with an error, or whose error was deferred");
        _readPauses = meter.CreateCounter<long>(ReadPausesName, "{pause}",
            "Times a connection stopped reading requests because its client left its replies unread (back-pressure)");
    }

    public void ConnectionOpened() => _activeConnections.Add(1);

    public void ConnectionClosed() => _activeConnections.Add(-1);

    public void ConnectionRefused() => _refusedConnections.Add(1);

    /// <summary>A failed request; <paramref name="deferred"/> when it had no reply and its error waits for the next one.</summary>
    public void RequestFailed(string code, bool deferred) =>
        _failedRequests.Add(1, new KeyValuePair<string, object?>("error.code", code), new KeyValuePair<string, object?>("deferred", deferred));

    /// <summary>A connection's reply queue is full: it stops reading requests until its client reads.</summary>
    public void ReadPaused() => _readPauses.Add(1);
}
