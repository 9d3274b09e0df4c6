using GymServer.Bench.Shared;

namespace GymServer.Bench.Vector;

/// <summary>
/// <c>--host 127.0.0.1 --port 4040 --envs 1,16,256,1024 --encodings json,binary --seconds 3 --warmup 1
/// --env CartPole-v1</c>, or <c>--profile true</c> for the in-process breakdown.
/// </summary>
public sealed record VectorOptions(
    string Host, int Port, int[] NumEnvs, bool[] Encodings, TimeSpan Duration, TimeSpan Warmup, string EnvId, bool Profile)
{
    public static VectorOptions Parse(string[] args)
    {
        var arguments = new BenchArguments(args);
        var options = new VectorOptions(
            Host: arguments.Text("host", "127.0.0.1"),
            Port: arguments.Int("port", 4040),
            NumEnvs: arguments.IntList("envs", "1,16,256,1024"),
            Encodings: [.. arguments.Text("encodings", "json,binary").Split(',').Select(name => name switch
            {
                "json" => false,
                "binary" => true,
                _ => throw new ArgumentException($"unknown encoding '{name}': json or binary"),
            })],
            Duration: arguments.Seconds("seconds", 3),
            Warmup: arguments.Seconds("warmup", 1),
            EnvId: arguments.Text("env", "CartPole-v1"),
            Profile: arguments.Flag("profile"));
        arguments.EnsureAllRead();
        return options;
    }
}
