using System.Globalization;
using GymServer.Engine.Environments;
using GymServer.Protocol;

namespace GymServer.Engine.Recording;

/// <summary>
/// Which episodes of a recorded env get a video. <c>cubic</c> is Gymnasium RecordVideo's default
/// (<c>capped_cubic_video_schedule</c>): episodes 0, 1, 8, 27, ..., 729, then every 1000th; <c>every:N</c> records
/// episodes 0, N, 2N, ...; <c>none</c> records statistics only.
/// </summary>
public sealed record VideoSchedule
{
    public const string CubicName = "cubic";
    public const string NoneName = "none";
    public const string EveryPrefix = "every:";

    /// <summary>The episode from which the cubic schedule records every 1000th episode only.</summary>
    private const int CubicCap = 1000;

    private VideoSchedule(string name, long every)
    {
        Name = name;
        Every = every;
    }

    public static VideoSchedule Cubic { get; } = new(CubicName, 0);

    public static VideoSchedule None { get; } = new(NoneName, 0);

    /// <summary>The schedule's name as configuration and requests write it.</summary>
    public string Name { get; }

    /// <summary>N of <c>every:N</c>; 0 for the other schedules.</summary>
    public long Every { get; }

    /// <summary>False for <c>none</c>.</summary>
    public bool RecordsVideo => Name != NoneName;

    public static VideoSchedule EveryNth(long every) =>
        every >= 1
            ? new VideoSchedule(EveryPrefix + every.ToString(CultureInfo.InvariantCulture), every)
            : throw new EnvException(EnvErrorCodes.InvalidArgument, $"every:N needs N >= 1, got {every}");

    /// <summary>Reads "cubic", "none" or "every:N"; anything else is invalid_argument naming the accepted forms.</summary>
    public static VideoSchedule Parse(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed == CubicName)
        {
            return Cubic;
        }
        if (trimmed == NoneName)
        {
            return None;
        }
        if (trimmed.StartsWith(EveryPrefix, StringComparison.Ordinal)
            && long.TryParse(trimmed.AsSpan(EveryPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var every))
        {
            return EveryNth(every);
        }
        throw new EnvException(EnvErrorCodes.InvalidArgument,
            $"video schedule must be \"cubic\", \"every:N\" (N >= 1) or \"none\", got \"{text}\"");
    }

    /// <summary>Whether episode <paramref name="episode"/> (from 0) gets a video.</summary>
    public bool Includes(long episode)
    {
        if (episode < 0 || !RecordsVideo)
        {
            return false;
        }
        if (Every > 0)
        {
            return episode % Every == 0;
        }
        if (episode < CubicCap)
        {
            var root = (long)Math.Round(Math.Cbrt(episode));
            return root * root * root == episode;
        }
        return episode % CubicCap == 0;
    }

    public override string ToString() => Name;
}
