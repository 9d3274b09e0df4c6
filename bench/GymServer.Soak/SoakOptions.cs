using System.Globalization;

namespace GymServer.Soak;

/// <summary>Command line: --port, --server-pid, --connections, --seconds, --python-fraction, --kill-every, --report.</summary>
public sealed record SoakOptions(int Port, int ServerPid, int Connections, int Seconds, double PythonFraction, int KillEverySeconds, string? Report)
{
    public static SoakOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }
        int Int(string name, int fallback) => values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        return new SoakOptions(
            Int("port", 4040),
            Int("server-pid", 0),
            Int("connections", 1000),
            Int("seconds", 60),
            values.TryGetValue("python-fraction", out var fraction) ? double.Parse(fraction, CultureInfo.InvariantCulture) : 0,
            Int("kill-every", 0),
            values.GetValueOrDefault("report"));
    }
}
