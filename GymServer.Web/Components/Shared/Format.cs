using System.Globalization;

namespace GymServer.Web.Components.Shared;

/// <summary>How the dashboard writes numbers and durations: compact, invariant culture.</summary>
public static class Format
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Rate(double perSecond) => perSecond.ToString(perSecond >= 100 ? "N0" : "0.0", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A size in MiB, e.g. "142.3 MiB"; "–" when unknown.</summary>
    public static string Mebibytes(long? bytes) => bytes is { } value
        ? (value / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MiB"
        : "–";

    /// <summary>A share of one core as a percentage, e.g. "37%" (above 100% on several cores); "–" when unknown.</summary>
    public static string Percent(double? share) => share is { } value
        ? (value * 100).ToString("0", CultureInfo.InvariantCulture) + "%"
        : "–";

    public static string Seconds(double seconds) => seconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    /// <summary>An uptime: "3d 04:05:06" past a day, else "04:05:06".</summary>
    public static string Duration(TimeSpan span) => span.TotalDays >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays}d {span:hh\\:mm\\:ss}")
        : span.ToString("hh\\:mm\\:ss", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "–";
}
