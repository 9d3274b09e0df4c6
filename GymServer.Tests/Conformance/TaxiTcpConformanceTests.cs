using System.Text.Json;
using GymServer.Tests.Functional;
using GymServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GymServer.Tests.Conformance;

/// <summary>
/// Replays every Taxi reference file through a real server over TCP, as a protocol-2 client sees it: Taxi-v4 from
/// Gymnasium 1.4.0 (../shared/conformance-gymnasium-1.4 and the kwargs variants of ToyTextVariants/) and Taxi-v3 from
/// 1.2.2 (../shared/conformance and its variants). Each reply must be the recorded values exactly, Python's int and
/// float kinds included (a reward of -1, a prob of 1.0 or of 1).
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class TaxiTcpConformanceTests(GymServerFactory server, ITestOutputHelper output)
{
    /// <summary>Each recorded step field and the step reply's member that carries it.</summary>
    private static readonly (string Recorded, string Replied)[] StepFields =
        [("obs", "observation"), ("reward", "reward"), ("terminated", "terminated"), ("truncated", "truncated"), ("info", "info")];

    private static string VariantsFolder => Path.Combine(RepositoryPaths.Root, "GymServer.Tests", "Conformance", "ToyTextVariants");

    public static TheoryData<string> Files() =>
        new(ConformanceFile.EnvFileNames()
            .Concat(Directory.EnumerateFiles(VariantsFolder, "*.jsonl").Select(Path.GetFileName).OfType<string>())
            .Where(name => name.StartsWith("Taxi-", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Replies_are_gymnasiums_values_exactly(string fileName)
    {
        var (header, records) = Load(fileName);
        await using var client = await Protocol2.ConnectAsync(server);
        var kwargs = header.TryGetProperty("kwargs", out var given) ? given : (JsonElement?)null;
        var made = await client.SendAsync("make", new { id = header.GetProperty("env_id").GetString(), kwargs });
        Assert.True(made.TryGetProperty("instance", out var instanceJson), made.GetRawText());
        var instance = instanceJson.GetString()!;
        JsonAssert.Identical(header.GetProperty("observation_space"), made.GetProperty("observation_space"));
        JsonAssert.Identical(header.GetProperty("action_space"), made.GetProperty("action_space"));

        var (episodes, steps) = (0, 0);
        foreach (var episode in records.Where(record => record.GetProperty("kind").GetString() == "episode"))
        {
            var seed = episode.GetProperty("seed");
            var where = $"{fileName} seed {seed.GetRawText()}";
            var reset = await client.SendAsync("reset", new { instance, seed });
            JsonAssert.Identical(episode.GetProperty("reset_obs"), reset.GetProperty("observation"), $"{where} reset observation");
            JsonAssert.Identical(episode.GetProperty("reset_info"), reset.GetProperty("info"), $"{where} reset info");
            var index = 0;
            foreach (var step in episode.GetProperty("steps").EnumerateArray())
            {
                var reply = await client.SendAsync("step", new { instance, action = step.GetProperty("action") });
                foreach (var (recorded, replied) in StepFields)
                {
                    Assert.True(reply.TryGetProperty(replied, out var value), $"{where} step {index}: {reply.GetRawText()}");
                    JsonAssert.Identical(step.GetProperty(recorded), value, $"{where} step {index} {replied}");
                }
                index++;
            }
            (episodes, steps) = (episodes + 1, steps + index);
        }
        output.WriteLine($"{fileName}: {episodes} episodes, {steps} steps over TCP");
        Assert.True(episodes > 0, $"{fileName} holds no episode");
    }

    private static (JsonElement Header, IReadOnlyList<JsonElement> Records) Load(string fileName)
    {
        var variant = Path.Combine(VariantsFolder, fileName);
        if (!File.Exists(variant))
        {
            var file = ConformanceFile.Load(fileName);
            return (file.Header, file.Records);
        }
        var lines = File.ReadLines(variant).Where(line => line.Length > 0).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        return (lines[0], lines.Skip(1).ToList());
    }
}
