using GymServer.Bench.Shared;

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
    bool Detail,
    int FloorSpin)
{
    public static LoadGenOptions Parse(string[] args)
    {
        var arguments = new BenchArguments(args);
        var options = new LoadGenOptions(
            Host: arguments.Text("host", "127.0.0.1"),
            Port: arguments.Int("port", 4040),
            Connections: arguments.IntList("connections", "1,16,64"),
            Duration: arguments.Seconds("seconds", 6),
            Warmup: arguments.Seconds("warmup", 0.5),
            ServerWarmup: arguments.Seconds("server-warmup", 3),
            Rounds: arguments.Int("rounds", 3),
            IdleConnections: arguments.Int("idle", 1000),
            ActiveWithIdle: arguments.Int("active", 16),
            EnvId: arguments.Text("env", "CartPole-v1"),
            Detail: arguments.Flag("detail"),
            // One spinning floor thread per two cores: at 1 connection on 2 cores, the client's thread keeps the other.
            FloorSpin: arguments.Int("floor-spin", Math.Max(1, Environment.ProcessorCount / 2)));
        arguments.EnsureAllRead();
        return options;
    }
}
