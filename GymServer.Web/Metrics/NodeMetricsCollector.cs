using GymServer.Engine.Sessions;
using GymServer.Engine.Python;
using GymServer.Engine.Recording;
using GymServer.Web.Dashboard;
using Prometheus;

namespace GymServer.Web.Metrics;

/// <summary>
/// The node-wide values (steps, episodes, sessions, envs, Python workers, recordings) copied into the Prometheus
/// registry just before each scrape, from where they are kept (<see cref="NodeActivity"/>, the pool, the media
/// root); and step latency, fed from <see cref="NodeActivity.StepTimed"/> into <see cref="GymMetrics"/>.
/// </summary>
public sealed class NodeMetricsCollector : IHostedService
{
    private readonly NodeActivity _activity;
    private readonly EnvCatalog _catalog;
    private readonly PythonWorkerPool _pool;
    private readonly MediaLibrary _media;
    private readonly Counter _steps;
    private readonly Counter _episodes;
    private readonly Gauge _sessions;
    private readonly Gauge _envs;
    private readonly Gauge _workers;
    private readonly Counter _restarts;
    private readonly Gauge _sharedMemory;
    private readonly Gauge _sharedMemoryCap;
    private readonly Gauge _sharedSlots;
    private readonly Counter _sharedFallbacks;
    private readonly Gauge _recorded;
    private readonly Gauge _mediaBytes;
    private readonly Action<double> _onStepTimed;

    public NodeMetricsCollector(NodeActivity activity, EnvCatalog catalog, GymMetrics metrics, PythonWorkerPool pool, MediaLibrary media)
    {
        _activity = activity;
        _catalog = catalog;
        _pool = pool;
        _media = media;
        _onStepTimed = metrics.StepTimed;
        var factory = Prometheus.Metrics.WithCustomRegistry(metrics.Registry);
        _steps = factory.CreateCounter("gymserver_steps_total", "Env steps taken on this node");
        _episodes = factory.CreateCounter("gymserver_episodes_total", "Episodes finished on this node");
        _sessions = factory.CreateGauge("gymserver_sessions", "Open sessions");
        _envs = factory.CreateGauge("gymserver_envs", "Open envs by backend", new GaugeConfiguration { LabelNames = ["backend"] });
        _workers = factory.CreateGauge("gymserver_python_workers", "Python worker slots by state (ready, busy, restarting)",
            new GaugeConfiguration { LabelNames = ["state"] });
        _restarts = factory.CreateCounter("gymserver_python_worker_restarts_total", "Python worker restarts since start");
        _sharedMemory = factory.CreateGauge("gymserver_python_shared_memory_bytes", "Shared memory in use for Python envs' observations and frames (whole pages)");
        _sharedMemoryCap = factory.CreateGauge("gymserver_python_shared_memory_capacity_bytes", "Gym:Python:SharedMemoryBytes (0: shared memory off)");
        _sharedSlots = factory.CreateGauge("gymserver_python_shared_memory_slots", "Shared memory slots in use (an env's observations, an env's frames)");
        _sharedFallbacks = factory.CreateCounter("gymserver_python_shared_memory_fallbacks_total",
            "Python env values sent on the pipe instead since start (shared memory cap reached, or a file could not be made)");
        _recorded = factory.CreateGauge("gymserver_recordings", "Recorded episodes under the media root by status (0 while it does not exist)",
            new GaugeConfiguration { LabelNames = ["status"] });
        _mediaBytes = factory.CreateGauge("gymserver_media_bytes", "Bytes of all files under the media root (0 while it does not exist)");
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
        _restarts.IncTo(python.Workers.Sum(worker => worker.Restarts));
        var shared = _pool.SharedMemoryStatus;
        _sharedMemory.Set(shared.UsedBytes);
        _sharedMemoryCap.Set(shared.CapacityBytes);
        _sharedSlots.Set(shared.Slots);
        _sharedFallbacks.IncTo(shared.Fallbacks);
        var media = _media.Stats();
        _recorded.WithLabels("complete").Set(media.CompleteRecordings);
        _recorded.WithLabels("failed").Set(media.FailedRecordings);
        _mediaBytes.Set(media.Bytes);
    }
}
