using GymServer.Engine.Sessions;

namespace GymServer.Web.Dashboard;

/// <summary>
/// What the Live episodes page shows, kept per page: the most recent episodes and, for the most recently active
/// instances, their returns over episodes. Bounded whatever the load.
/// </summary>
public sealed class EpisodeHistory
{
    public const int MaxRecent = 50;
    public const int MaxInstances = 12;
    public const int MaxPoints = 200;

    private readonly LinkedList<EpisodeRecord> _recent = new();
    private readonly Dictionary<string, InstanceSeries> _instances = new(StringComparer.Ordinal);

    /// <summary>The most recent episodes, newest first.</summary>
    public IReadOnlyCollection<EpisodeRecord> Recent => _recent;

    /// <summary>The charted instances, most recently active first.</summary>
    public IReadOnlyList<InstanceSeries> Instances => [.. _instances.Values.OrderByDescending(series => series.LastEndedAt)];

    /// <summary>
    /// Adds episodes in the order they ended (oldest first). An episode already seen (the page's first read of the
    /// recent list can overlap the next live batch) is skipped.
    /// </summary>
    public void Add(IEnumerable<EpisodeRecord> episodes)
    {
        foreach (var episode in episodes)
        {
            if (_instances.TryGetValue(episode.InstanceId, out var known) && episode.Episode <= known.LastEpisode)
            {
                continue;
            }
            _recent.AddFirst(episode);
            if (_recent.Count > MaxRecent)
            {
                _recent.RemoveLast();
            }
            if (!_instances.TryGetValue(episode.InstanceId, out var series))
            {
                if (_instances.Count == MaxInstances)
                {
                    var stalest = _instances.Values.MinBy(candidate => candidate.LastEndedAt)!;
                    _instances.Remove(stalest.InstanceId);
                }
                series = new InstanceSeries(episode.InstanceId, episode.EnvId);
                _instances.Add(episode.InstanceId, series);
            }
            series.Add(episode);
        }
    }
}
