using System.Text.Json;
using GymServer.Tests.Infrastructure;

namespace GymServer.Tests.Conformance;

/// <summary>One env's reference file: the "spaces" header, then episode and sample records (see its README).</summary>
public sealed class ConformanceFile
{
    private ConformanceFile(string path, JsonElement header, IReadOnlyList<JsonElement> records)
    {
        Path = path;
        Header = header;
        Records = records;
    }

    public string Path { get; }

    public JsonElement Header { get; }

    public IReadOnlyList<JsonElement> Records { get; }

    public string EnvId => Header.GetProperty("env_id").GetString()!;

    /// <summary>Every env file of the conformance folder (all of them: none is skipped).</summary>
    public static IEnumerable<string> EnvFileNames() =>
        Directory.EnumerateFiles(RepositoryPaths.ConformanceDirectory, "*.jsonl")
            .Select(System.IO.Path.GetFileName)
            .OfType<string>()
            .Where(name => !name.StartsWith("numpy_rng", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    public static ConformanceFile Load(string fileName)
    {
        var path = System.IO.Path.Combine(RepositoryPaths.ConformanceDirectory, fileName);
        var lines = File.ReadLines(path).Where(line => line.Length > 0).ToList();
        var elements = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var header = elements[0];
        Assert.Equal("spaces", header.GetProperty("kind").GetString());
        return new ConformanceFile(path, header, elements.Skip(1).ToList());
    }
}
