using System.Globalization;

namespace GymServer.LoadGen;

/// <summary>
/// Command-line options: <c>--host 127.0.0.1 --port 4040 --connections 1,16,64 --seconds 6 --rounds 3 ...</c>.
/// Each connection count alternates floor and server <c>rounds</c> times, each for seconds / rounds, so a burst of
/// load from elsewhere on the machine hits both alike.
/// </summary>
public sealed record LoadGenOptions(
    string Host,
    int Port,
    int[] Connections,
    TimeSpan Duration,
    TimeSpan Warmup,
    TimeSpan ServerWarmup,
    int Rounds,
    int IdleConnections,
    int ActiveWithIdle,
    string EnvId,
    bool Detail)
{
    public static LoadGenOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"expected --name value pairs, got '{args[i]}'");
            }
            values[args[i][2..]] = args[++i];
        }
        string Get(string name, string fallback) => values.Remove(name, out var value) ? value : fallback;
        var options = new LoadGenOptions(
            Host: Get("host", "127.0.0.1"),
            Port: int.Parse(Get("port", "4040"), CultureInfo.InvariantCulture),
            Connections: [.. Get("connections", "1,16,64").Split(',').Select(text => int.Parse(text, CultureInfo.InvariantCulture))],
            Duration: TimeSpan.FromSeconds(double.Parse(Get("seconds", "6"), CultureInfo.InvariantCulture)),
            Warmup: TimeSpan.FromSeconds(double.Parse(Get("warmup", "0.5"), CultureInfo.InvariantCulture)),
            ServerWarmup: TimeSpan.FromSeconds(double.Parse(Get("server-warmup", "3"), CultureInfo.InvariantCulture)),
            Rounds: int.Parse(Get("rounds", "3"), CultureInfo.InvariantCulture),
            IdleConnections: int.Parse(Get("idle", "1000"), CultureInfo.InvariantCulture),
            ActiveWithIdle: int.Parse(Get("active", "16"), CultureInfo.InvariantCulture),
            EnvId: Get("env", "CartPole-v1"),
            Detail: bool.Parse(Get("detail", "false")));
        if (values.Count > 0)
        {
            throw new ArgumentException($"unknown option(s): {string.Join(", ", values.Keys.Select(key => "--" + key))}");
        }
        return options;
    }
}
