using GymServer.Engine.Nodes;
using GymServer.Engine.Python;
using GymServer.Engine.Sessions;
using GymServer.Web.Metrics;
using GymServer.Web.Tcp;

namespace GymServer.Web.Dashboard;

/// <summary>Takes <see cref="NodeSnapshot"/>s of this node; rates are per second since the previous capture.</summary>
public sealed class NodeSnapshotSource(NodeActivity activity, GymMetrics metrics, PythonWorkerPool pool, NodeIdentity node, ReplyMemory replies)
{
    /// <summary>Captures closer together than this reuse the previous rates instead of dividing by a tiny interval.</summary>
    private static readonly TimeSpan MinRateInterval = TimeSpan.FromMilliseconds(200);

    private readonly Lock _lock = new();
    private (DateTimeOffset At, long Steps, long Episodes)? _previous;
    private (double Steps, double Episodes) _rates;

    public string NodeName => node.Name;

    public NodeSnapshot Capture()
    {
        // Once per snapshot (a second apart), so each worker's CPU share is its average over the last second.
        pool.SampleUsage();
        var at = DateTimeOffset.UtcNow;
        var steps = activity.Steps;
        var episodes = activity.Episodes;
        (double Steps, double Episodes) rates;
        lock (_lock)
        {
            var (previousAt, previousSteps, previousEpisodes) = _previous ?? (activity.StartedAt, 0, 0);
            var seconds = (at - previousAt).TotalSeconds;
            if (seconds >= MinRateInterval.TotalSeconds)
            {
                _rates = ((steps - previousSteps) / seconds, (episodes - previousEpisodes) / seconds);
                _previous = (at, steps, episodes);
            }
            rates = _rates;
        }
        return new NodeSnapshot(
            NodeName, at, activity.StartedAt, metrics.ActiveConnections, activity.Sessions, activity.EnvsByBackend(),
            steps, episodes, rates.Steps, rates.Episodes, PythonSnapshot.From(pool.GetStatus()),
            ReplyQueueSnapshot.From(replies));
    }
}
