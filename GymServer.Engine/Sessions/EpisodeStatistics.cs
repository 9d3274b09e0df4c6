using System.Diagnostics;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Sessions;

/// <summary>
/// Gymnasium's RecordEpisodeStatistics for one env: the return and length of the running episode, and the summary
/// of the last finished one. A reset starts a new episode.
/// </summary>
public sealed class EpisodeStatistics
{
    private long _startTimestamp = Stopwatch.GetTimestamp();

    /// <summary>The sum of rewards since the reset.</summary>
    public double Return { get; private set; }

    /// <summary>Steps since the reset.</summary>
    public long Length { get; private set; }

    /// <summary>How many episodes finished while recording.</summary>
    public long Episodes { get; private set; }

    /// <summary>The last finished episode, if any.</summary>
    public EpisodeSummary? Last { get; private set; }

    public void OnReset()
    {
        Return = 0;
        Length = 0;
        _startTimestamp = Stopwatch.GetTimestamp();
    }

    /// <summary>Adds a step; returns the episode's summary when this step ended it.</summary>
    public EpisodeSummary? OnStep(double reward, bool done)
    {
        Return += reward;
        Length++;
        if (!done)
        {
            return null;
        }
        var seconds = Math.Round(Stopwatch.GetElapsedTime(_startTimestamp).TotalSeconds, 6);
        Last = new EpisodeSummary(Return, Length, seconds);
        Episodes++;
        return Last;
    }
}
