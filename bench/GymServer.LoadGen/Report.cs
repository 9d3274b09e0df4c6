namespace GymServer.LoadGen;

/// <summary>Prints runs and their ratios to the floor.</summary>
public static class Report
{
    public static void Row(RunResult floor, RunResult server) =>
        Console.WriteLine(
            $"N={server.Connections,-3} floor {floor.PerSecond,9:N0} rt/s p50 {floor.P50,7:N1} us p99 {floor.P99,7:N1} us | " +
            $"server {server.PerSecond,9:N0} steps/s p50 {server.P50,7:N1} us p99 {server.P99,7:N1} us | " +
            $"ratio {server.PerSecond / floor.PerSecond:0.00} p99/p50 {server.P99 / server.P50:0.0} errors {server.Errors}");

    /// <summary>
    /// The whole latency distribution of both sides, for telling a uniform slowdown (every request a little later)
    /// from an unfair one (most requests fast, a few connections waiting for milliseconds).
    /// </summary>
    public static void Percentiles(RunResult floor, RunResult server)
    {
        Console.WriteLine($"      floor  {Ladder(floor)}");
        Console.WriteLine($"      server {Ladder(server)}");
    }

    private static readonly double[] LadderPercentiles = [1, 10, 25, 50, 75, 90, 95, 99, 99.9, 100];

    private static string Ladder(RunResult run) =>
        string.Join(" ", LadderPercentiles.Select(percentile => $"p{percentile}={run.Latency.PercentileMicroseconds(percentile):0}"));

    public static void Table(IReadOnlyList<(RunResult Floor, RunResult Server)> rows)
    {
        Console.WriteLine();
        Console.WriteLine("| connections | floor round trips/s | server steps/s | ratio to floor | server p50 (us) | server p99 (us) | p99/p50 | floor p50/p99 (us) | errors |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (floor, server) in rows)
        {
            Console.WriteLine(
                $"| {server.Connections} | {floor.PerSecond:N0} | {server.PerSecond:N0} | {server.PerSecond / floor.PerSecond:0.00} | " +
                $"{server.P50:N1} | {server.P99:N1} | {server.P99 / server.P50:0.0} | {floor.P50:N1} / {floor.P99:N1} | {server.Errors} |");
        }
    }
}
