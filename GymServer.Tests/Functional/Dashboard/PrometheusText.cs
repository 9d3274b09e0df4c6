using System.Globalization;

namespace GymServer.Tests.Functional.Dashboard;

/// <summary>Samples of a Prometheus text exposition, by series ("name" or "name{label=\"value\"}").</summary>
public sealed class PrometheusText
{
    private readonly Dictionary<string, double> _samples = new(StringComparer.Ordinal);

    public PrometheusText(string text)
    {
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }
            var space = line.LastIndexOf(' ');
            _samples[line[..space]] = double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture);
        }
    }

    public double this[string series] => _samples.TryGetValue(series, out var value)
        ? value
        : throw new KeyNotFoundException($"no series {series} in: {string.Join(", ", _samples.Keys)}");

    public bool Has(string series) => _samples.ContainsKey(series);
}
