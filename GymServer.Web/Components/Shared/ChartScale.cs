using System.Globalization;
using System.Text;
using GymServer.Web.Dashboard;

namespace GymServer.Web.Components.Shared;

/// <summary>Maps episodes (x) and returns (y) into a chart's pixel box, y growing downwards as SVG's does.</summary>
public sealed record ChartScale(long MinX, long MaxX, double MinY, double MaxY, int Width, int Height, int Padding)
{
    public static ChartScale For(IReadOnlyCollection<ReturnPoint> points, double? threshold, int width, int height, int padding)
    {
        var minY = points.Min(point => point.Return);
        var maxY = points.Max(point => point.Return);
        if (threshold is double line)
        {
            minY = Math.Min(minY, line);
            maxY = Math.Max(maxY, line);
        }
        if (maxY - minY < 1e-9)
        {
            // A flat series still needs a y range to draw in.
            (minY, maxY) = (minY - 1, maxY + 1);
        }
        return new ChartScale(points.Min(point => point.Episode), points.Max(point => point.Episode), minY, maxY, width, height, padding);
    }

    public double X(double episode) => MaxX == MinX
        ? Width / 2.0
        : Padding + (episode - MinX) / (MaxX - MinX) * (Width - 2 * Padding);

    public double Y(double value) => Height - Padding - (value - MinY) / (MaxY - MinY) * (Height - 2 * Padding);

    /// <summary>A coordinate as SVG wants it: invariant culture, one decimal.</summary>
    public static string Px(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>An SVG points attribute: "x,y x,y ...".</summary>
    public string Polyline(IEnumerable<(long Episode, double Value)> points)
    {
        var text = new StringBuilder();
        foreach (var (episode, value) in points)
        {
            text.Append(CultureInfo.InvariantCulture, $"{X(episode):0.#},{Y(value):0.#} ");
        }
        return text.ToString().TrimEnd();
    }

    /// <summary>The trailing mean of up to <paramref name="window"/> returns at each point.</summary>
    public static IEnumerable<(long Episode, double Value)> MovingAverage(IReadOnlyCollection<ReturnPoint> points, int window)
    {
        var queue = new Queue<double>(window);
        var sum = 0.0;
        foreach (var point in points)
        {
            queue.Enqueue(point.Return);
            sum += point.Return;
            if (queue.Count > window)
            {
                sum -= queue.Dequeue();
            }
            yield return (point.Episode, sum / queue.Count);
        }
    }
}
