using System.Globalization;

namespace GymServer.ClusterBench;

/// <summary>Command-line options: <c>--ports 4041,4042 --connections 1 --seconds 6 --warmup 1 --env CartPole-v1</c>.</summary>
public sealed record BenchOptions(int[] Ports, int Connections, TimeSpan Duration, TimeSpan Warmup, string EnvId)
{
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }
        string Get(string name, string fallback) => values.Remove(name, out var value) ? value : fallback;
        var options = new BenchOptions(
            [.. Get("ports", "4040").Split(',').Select(port => int.Parse(port, CultureInfo.InvariantCulture))],
            int.Parse(Get("connections", "1"), CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(Get("seconds", "6"), CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(Get("warmup", "1"), CultureInfo.InvariantCulture)),
            Get("env", "CartPole-v1"));
        return values.Count == 0 ? options : throw new ArgumentException($"unknown option(s): {string.Join(", ", values.Keys)}");
    }
}
