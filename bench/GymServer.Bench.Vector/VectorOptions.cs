using System.Globalization;

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
        var options = new VectorOptions(
            Host: Get("host", "127.0.0.1"),
            Port: int.Parse(Get("port", "4040"), CultureInfo.InvariantCulture),
            NumEnvs: [.. Get("envs", "1,16,256,1024").Split(',').Select(text => int.Parse(text, CultureInfo.InvariantCulture))],
            Encodings: [.. Get("encodings", "json,binary").Split(',').Select(name => name switch
            {
                "json" => false,
                "binary" => true,
                _ => throw new ArgumentException($"unknown encoding '{name}': json or binary"),
            })],
            Duration: TimeSpan.FromSeconds(double.Parse(Get("seconds", "3"), CultureInfo.InvariantCulture)),
            Warmup: TimeSpan.FromSeconds(double.Parse(Get("warmup", "1"), CultureInfo.InvariantCulture)),
            EnvId: Get("env", "CartPole-v1"),
            Profile: bool.Parse(Get("profile", "false")));
        if (values.Count > 0)
        {
            throw new ArgumentException($"unknown option(s): {string.Join(", ", values.Keys.Select(key => "--" + key))}");
        }
        return options;
    }
}
