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

    /// <summary>
    /// The folders of reference data: Gymnasium 1.2.2's, which stands for 1.4.0 as well (every env but Taxi-v3 is
    /// the same there), and 1.4.0's for what it changed (Taxi-v4). A file name is in one folder only.
    /// </summary>
    private static string[] Directories => [RepositoryPaths.ConformanceDirectory, RepositoryPaths.Gymnasium14ConformanceDirectory];

    /// <summary>Every env file of the conformance folders (all of them: none is skipped).</summary>
    public static IEnumerable<string> EnvFileNames() =>
        Directories.SelectMany(directory => Directory.EnumerateFiles(directory, "*.jsonl"))
            .Select(System.IO.Path.GetFileName)
            .OfType<string>()
            .Where(name => !name.StartsWith("numpy_rng", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    public static ConformanceFile Load(string fileName)
    {
        var path = Directories.Select(directory => System.IO.Path.Combine(directory, fileName)).Single(File.Exists);
        var lines = File.ReadLines(path).Where(line => line.Length > 0).ToList();
        var elements = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var header = elements[0];
        Assert.Equal("spaces", header.GetProperty("kind").GetString());
        return new ConformanceFile(path, header, elements.Skip(1).ToList());
    }
}
