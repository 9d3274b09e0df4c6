using GymServer.Engine.Sessions;

namespace GymServer.Web.Dashboard;

/// <summary>One instance's episode returns, oldest first, capped at <see cref="EpisodeHistory.MaxPoints"/>.</summary>
public sealed class InstanceSeries(string instanceId, string envId)
{
    private readonly Queue<ReturnPoint> _points = new();

    public string InstanceId { get; } = instanceId;

    public string EnvId { get; } = envId;

    public DateTimeOffset LastEndedAt { get; private set; }

    /// <summary>The index of the last episode added; -1 before any.</summary>
    public long LastEpisode { get; private set; } = -1;

    public IReadOnlyCollection<ReturnPoint> Points => _points;

    public void Add(EpisodeRecord episode)
    {
        if (_points.Count == EpisodeHistory.MaxPoints)
        {
            _points.Dequeue();
        }
        _points.Enqueue(new ReturnPoint(episode.Episode, episode.Return));
        LastEndedAt = episode.EndedAt;
        LastEpisode = episode.Episode;
    }
}
