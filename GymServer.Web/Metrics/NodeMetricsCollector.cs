using System.Globalization;
using GymServer.Engine.Python;
using GymServer.Engine.Recording;
using GymServer.Engine.Sessions;
using GymServer.Web.Cluster;
using GymServer.Web.Dashboard;
using GymServer.Web.Tcp;
using Prometheus;

namespace GymServer.Web.Metrics;

/// <summary>
/// The node-wide values (steps, episodes, sessions, envs, Python workers and their usage, recordings, cluster nodes)
/// copied into the Prometheus registry just before each scrape, from where they are kept (<see cref="NodeActivity"/>,
/// the pool and its latest usage sample, the media root, the node directory); and step latency, fed from
/// <see cref="NodeActivity.StepTimed"/> into <see cref="GymMetrics"/>.
/// </summary>
public sealed class NodeMetricsCollector : IHostedService
{
    private readonly NodeActivity _activity;
    private readonly EnvCatalog _catalog;
    private readonly PythonWorkerPool _pool;
    private readonly MediaLibrary _media;
    private readonly INodeDirectory _nodes;
    private readonly Counter _steps;
    private readonly Counter _episodes;
    private readonly Gauge _sessions;
    private readonly Gauge _envs;
    private readonly Gauge _workers;
    private readonly Gauge _configuredWorkers;
    private readonly Counter _restarts;
    private readonly Gauge _sharedMemory;
    private readonly Gauge _sharedMemoryCap;
    private readonly Gauge _sharedSlots;
    private readonly Counter _sharedFallbacks;
    private readonly Gauge _workerMemory;
    private readonly Gauge _workerCpu;
    private readonly Gauge _clusterNodes;
    private readonly Gauge _recorded;
    private readonly Gauge _mediaBytes;
    private readonly Gauge _mediaMaxBytes;
    private readonly ReplyMemory _replyMemory;
    private readonly Gauge _queuedReplyBytes;
    private readonly Gauge _peakQueuedReplyBytes;
    private readonly Counter _stalledCloses;
    private readonly Gauge _replyStorageBytes;
    private readonly Gauge _pausedConnections;
    private readonly Action<double> _onStepTimed;

    public NodeMetricsCollector(
        NodeActivity activity, EnvCatalog catalog, GymMetrics metrics, PythonWorkerPool pool, MediaLibrary media, INodeDirectory nodes,
        ReplyMemory replyMemory)
    {
        _replyMemory = replyMemory;
        _activity = activity;
        _catalog = catalog;
        _pool = pool;
        _media = media;
        _nodes = nodes;
        _onStepTimed = metrics.StepTimed;
        var factory = Prometheus.Metrics.WithCustomRegistry(metrics.Registry);
        _steps = factory.CreateCounter("gymserver_steps_total", "Env steps taken on this node");
        _episodes = factory.CreateCounter("gymserver_episodes_total", "Episodes finished on this node");
        _sessions = factory.CreateGauge("gymserver_sessions", "Open sessions");
        _envs = factory.CreateGauge("gymserver_envs", "Open envs by backend", new GaugeConfiguration { LabelNames = ["backend"] });
        _workers = factory.CreateGauge("gymserver_python_workers", "Python worker slots by state (ready, busy, restarting)",
            new GaugeConfiguration { LabelNames = ["state"] });
        _configuredWorkers = factory.CreateGauge("gymserver_python_workers_configured", "Python worker processes configured (Gym:Python:Workers; 0: Python envs off)");
        _restarts = factory.CreateCounter("gymserver_python_worker_restarts_total", "Python worker restarts since start");
        _sharedMemory = factory.CreateGauge("gymserver_python_shared_memory_bytes", "Shared memory in use for Python envs' observations and frames (whole pages)");
        _sharedMemoryCap = factory.CreateGauge("gymserver_python_shared_memory_capacity_bytes", "Gym:Python:SharedMemoryBytes (0: shared memory off)");
        _sharedSlots = factory.CreateGauge("gymserver_python_shared_memory_slots", "Shared memory slots in use (an env's observations, an env's frames)");
        _sharedFallbacks = factory.CreateCounter("gymserver_python_shared_memory_fallbacks_total",
            "Python env values sent on the pipe instead since start (shared memory cap reached, or a file could not be made)");
        _workerMemory = factory.CreateGauge("gymserver_python_worker_resident_bytes", "Resident memory of each running Python worker process, by pool slot",
            new GaugeConfiguration { LabelNames = ["slot"] });
        _workerCpu = factory.CreateGauge("gymserver_python_worker_cpu_ratio",
            "CPU time each running Python worker process used over the last second, per second of wall time (1 = one core), by pool slot",
            new GaugeConfiguration { LabelNames = ["slot"] });
        _clusterNodes = factory.CreateGauge("gymserver_cluster_nodes", "Active nodes this node sees in its cluster, itself included (1 outside a cluster)");
        _recorded = factory.CreateGauge("gymserver_recordings", "Recorded episodes under the media root by status (0 while it does not exist)",
            new GaugeConfiguration { LabelNames = ["status"] });
        _mediaBytes = factory.CreateGauge("gymserver_media_bytes", "Bytes of all files under the media root (0 while it does not exist)");
        _mediaMaxBytes = factory.CreateGauge("gymserver_media_max_bytes", "The media root's cap (Gym:Media:MaxBytes), past which the oldest episodes are deleted; 0: no cap");
        _mediaMaxBytes.Set(media.MaxBytes);
        _queuedReplyBytes = factory.CreateGauge("gymserver_tcp_queued_reply_bytes",
            "Bytes of replies TCP connections have made and their clients not yet taken, and room reserved for replies being made (all connections)");
        _peakQueuedReplyBytes = factory.CreateGauge("gymserver_tcp_queued_reply_peak_bytes",
            "The most gymserver_tcp_queued_reply_bytes has been since the node started");
        _stalledCloses = factory.CreateCounter("gymserver_tcp_stalled_closes_total",
            "TCP connections closed because their clients left replies untaken for Gym:Node:StalledReplyTimeout while others waited for the node's reply room");
        _replyStorageBytes = factory.CreateGauge("gymserver_tcp_reply_storage_bytes",
            "Bytes of large reply buffers TCP connections hold (being written, queued, being sent, spare), outside the garbage-collected heap");
        var replyCaps = factory.CreateGauge("gymserver_tcp_queued_reply_capacity_bytes",
            "Caps on queued reply bytes, which a connection waits to stay within before each request, by scope: the node's (Gym:Node:MaxQueuedReplyBytes) and each connection's (Gym:Tcp:MaxQueuedReplyBytes)",
            new GaugeConfiguration { LabelNames = ["scope"] });
        replyCaps.WithLabels("node").Set(replyMemory.NodeCapacity);
        replyCaps.WithLabels("connection").Set(replyMemory.PerConnectionCapacity);
        _pausedConnections = factory.CreateGauge("gymserver_connections_paused",
            "TCP connections not reading requests now because their queued reply bytes, or the node's, are at the cap");
        metrics.Registry.AddBeforeCollectCallback(Collect);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _activity.StepTimed += _onStepTimed;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _activity.StepTimed -= _onStepTimed;
        return Task.CompletedTask;
    }

    private void Collect()
    {
        _steps.IncTo(_activity.Steps);
        _episodes.IncTo(_activity.Episodes);
        _sessions.Set(_activity.Sessions);
        _queuedReplyBytes.Set(_replyMemory.QueuedBytes);
        _peakQueuedReplyBytes.Set(_replyMemory.PeakQueuedBytes);
        _stalledCloses.IncTo(_replyMemory.StalledCloses);
        _replyStorageBytes.Set(_replyMemory.StorageBytes);
        _pausedConnections.Set(_replyMemory.PausedConnections);
        var envs = _activity.EnvsByBackend();
        // Every backend gets a series, 0 before its first env, so dashboards need no "absent" special case.
        foreach (var backend in _catalog.Providers.Select(provider => provider.Backend).Union(envs.Keys))
        {
            _envs.WithLabels(backend).Set(envs.GetValueOrDefault(backend));
        }
        var python = PythonSnapshot.From(_pool.GetStatus());
        _workers.WithLabels(PythonWorkerSnapshot.ReadyState).Set(python.Ready);
        _workers.WithLabels(PythonWorkerSnapshot.BusyState).Set(python.Busy);
        _workers.WithLabels(PythonWorkerSnapshot.RestartingState).Set(python.Restarting);
        _configuredWorkers.Set(python.ConfiguredWorkers);
        _restarts.IncTo(python.Workers.Sum(worker => worker.Restarts));
        var shared = _pool.SharedMemoryStatus;
        _sharedMemory.Set(shared.UsedBytes);
        _sharedMemoryCap.Set(shared.CapacityBytes);
        _sharedSlots.Set(shared.Slots);
        _sharedFallbacks.IncTo(shared.Fallbacks);
        CollectWorkerUsage(python);
        _clusterNodes.Set(_nodes.Nodes.Count);
        var media = _media.Stats();
        _recorded.WithLabels("complete").Set(media.CompleteRecordings);
        _recorded.WithLabels("failed").Set(media.FailedRecordings);
        _mediaBytes.Set(media.Bytes);
    }

    /// <summary>
    /// One series per slot with a running worker, from the pool's latest sample (taken with the dashboard's
    /// snapshot, once a second). A slot without a process, or whose new process has no CPU share yet, has no series
    /// rather than a zero or its previous process's figure.
    /// </summary>
    private void CollectWorkerUsage(PythonSnapshot python)
    {
        var sampled = python.Workers.Where(worker => worker.ResidentBytes is not null).ToDictionary(
            worker => worker.Slot.ToString(CultureInfo.InvariantCulture));
        foreach (var labels in _workerMemory.GetAllLabelValues().Where(labels => !sampled.ContainsKey(labels[0])).ToList())
        {
            _workerMemory.RemoveLabelled(labels);
        }
        foreach (var labels in _workerCpu.GetAllLabelValues().Where(labels => sampled.GetValueOrDefault(labels[0])?.CpuShare is null).ToList())
        {
            _workerCpu.RemoveLabelled(labels);
        }
        foreach (var (slot, worker) in sampled)
        {
            _workerMemory.WithLabels(slot).Set(worker.ResidentBytes!.Value);
            if (worker.CpuShare is { } share)
            {
                _workerCpu.WithLabels(slot).Set(share);
            }
        }
    }
}
