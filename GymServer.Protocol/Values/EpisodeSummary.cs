namespace GymServer.Protocol.Values;

/// <summary>
/// A finished episode's statistics, as Gymnasium's RecordEpisodeStatistics puts them in the last step's info:
/// <c>"episode":{"r":return,"l":length,"t":seconds}</c>.
/// </summary>
/// <param name="Return">The sum of the episode's rewards.</param>
/// <param name="Length">The number of steps.</param>
/// <param name="Seconds">Wall-clock time since the reset, rounded to microseconds.</param>
public readonly record struct EpisodeSummary(double Return, long Length, double Seconds);
