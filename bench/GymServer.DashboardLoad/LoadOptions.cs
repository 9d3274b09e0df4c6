using System.Globalization;

namespace GymServer.DashboardLoad;

/// <summary>Command line: --tcp host:port --http url --sessions N --episodes-per-second E --seconds S --clients C.</summary>
public sealed record LoadOptions(string Host, int Port, Uri Http, int Sessions, double EpisodesPerSecond, TimeSpan Duration, TimeSpan Warmup, int Clients)
{
    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--tcp"] = "127.0.0.1:4040",
            ["--http"] = "http://localhost:5000",
            ["--sessions"] = "1000",
            ["--episodes-per-second"] = "100",
            ["--seconds"] = "20",
            ["--warmup"] = "5",
            ["--clients"] = "1",
        };
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!values.ContainsKey(args[i]) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"unknown or incomplete option '{args[i]}'; options: {string.Join(", ", values.Keys)}");
            }
            values[args[i]] = args[i + 1];
        }
        var tcp = values["--tcp"].Split(':');
        return new LoadOptions(
            tcp[0],
            int.Parse(tcp[1], CultureInfo.InvariantCulture),
            new Uri(values["--http"]),
            int.Parse(values["--sessions"], CultureInfo.InvariantCulture),
            double.Parse(values["--episodes-per-second"], CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(values["--seconds"], CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(values["--warmup"], CultureInfo.InvariantCulture)),
            int.Parse(values["--clients"], CultureInfo.InvariantCulture));
    }
}
