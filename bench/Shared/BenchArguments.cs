using System.Globalization;

namespace GymServer.Bench.Shared;

/// <summary>
/// The benchmark programs' command line: <c>--name value</c> pairs, each read once with its default; a name nobody
/// read is an error (<see cref="EnsureAllRead"/>), so a mistyped option never silently measures the defaults.
/// Compiled into each benchmark program (a linked source file, not a project of its own).
/// </summary>
public sealed class BenchArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public BenchArguments(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"expected --name value pairs, got '{args[i]}'");
            }
            _values[args[i][2..]] = args[++i];
        }
    }

    public string Text(string name, string fallback) => _values.Remove(name, out var value) ? value : fallback;

    public int Int(string name, int fallback) => int.Parse(Text(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    public bool Flag(string name) => bool.Parse(Text(name, "false"));

    public TimeSpan Seconds(string name, double fallback) =>
        TimeSpan.FromSeconds(double.Parse(Text(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture));

    public int[] IntList(string name, string fallback) =>
        [.. Text(name, fallback).Split(',').Select(text => int.Parse(text, CultureInfo.InvariantCulture))];

    public void EnsureAllRead()
    {
        if (_values.Count > 0)
        {
            throw new ArgumentException($"unknown option(s): {string.Join(", ", _values.Keys.Select(key => "--" + key))}");
        }
    }
}
