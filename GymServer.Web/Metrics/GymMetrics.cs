using Prometheus;

namespace GymServer.Web.Metrics;

/// <summary>
/// The instruments the TCP side and the dm_env_rpc endpoint write (connections, errors, step latency), in the host's Prometheus registry: the
/// one source of truth for these values, read by /metrics and by the dashboard's snapshots alike.
/// </summary>
public sealed class GymMetrics
{
    /// <summary>Step latency buckets, 1 µs to about 4 s: native steps take microseconds, Python ones milliseconds.</summary>
    private static readonly double[] StepBuckets = Histogram.ExponentialBuckets(1e-6, 4, 12);

    private readonly Gauge _activeConnections;
    private readonly Counter _refusedConnections;
    private readonly Counter _failedRequests;
    private readonly Histogram _stepDuration;
    private readonly Counter _readPauses;

    public GymMetrics(CollectorRegistry registry)
    {
        Registry = registry;
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _activeConnections = factory.CreateGauge("gymserver_connections", "Open client connections: TCP connections and dm_env_rpc streams");
        _refusedConnections = factory.CreateCounter("gymserver_connections_refused_total", "TCP connections and dm_env_rpc streams refused at their limit");
        _failedRequests = factory.CreateCounter("gymserver_request_errors_total",
            "Requests answered with an error (deferred=true: a protocol-1 request without reply, reported on the next one)",
            new CounterConfiguration { LabelNames = ["code", "deferred"] });
        _stepDuration = factory.CreateHistogram("gymserver_env_step_duration_seconds",
            "Seconds one env step took on the server, from the action to the result (no parsing, no network)",
            new HistogramConfiguration { Buckets = StepBuckets });
        _readPauses = factory.CreateCounter("gymserver_connections_read_pauses_total",
            "Times a connection stopped reading requests because its client left its replies unread (back-pressure)");
    }

    /// <summary>The registry /metrics serves: one per host, so tests with several hosts in a process stay apart.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>
    /// Raised after the connection gauge or the read-pause counter moved (never per step): what a test awaits
    /// instead of sleeping, and what an in-process observer can follow.
    /// </summary>
    public event Action? Changed;

    public long ActiveConnections => (long)_activeConnections.Value;

    /// <summary>Times a connection stopped reading because its client left its replies unread.</summary>
    public long ReadPauses => (long)_readPauses.Value;

    public void ConnectionOpened()
    {
        _activeConnections.Inc();
        Changed?.Invoke();
    }

    public void ConnectionClosed()
    {
        _activeConnections.Dec();
        Changed?.Invoke();
    }

    public void ConnectionRefused() => _refusedConnections.Inc();

    /// <summary>A failed request; <paramref name="deferred"/> when it had no reply and its error waits for the next one.</summary>
    public void RequestFailed(string code, bool deferred) =>
        _failedRequests.WithLabels(code, deferred ? "true" : "false").Inc();

    /// <summary>One env step's duration; allocation-free (an unlabelled histogram), since it runs on the step path.</summary>
    public void StepTimed(double seconds) => _stepDuration.Observe(seconds);

    /// <summary>A connection's reply queue is full: it stops reading requests until its client reads.</summary>
    public void ReadPaused()
    {
        _readPauses.Inc();
        Changed?.Invoke();
    }
}
