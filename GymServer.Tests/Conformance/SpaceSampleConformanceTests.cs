using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Spaces;
using GymServer.Protocol.Spaces;
using GymServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GymServer.Tests.Conformance;

/// <summary>
/// For every env file: builds the action and observation spaces from the header with
/// <see cref="Space.Parse(JsonElement)"/>, checks their descriptions round-trip, and replays every
/// action_sample and observation_sample record (<c>space.seed(seed)</c>, then 50 <c>space.sample()</c>) bit for bit.
/// Independent of the native envs: it checks the spaces alone.
/// </summary>
public sealed class SpaceSampleConformanceTests(ITestOutputHelper output)
{
    public static TheoryData<string> Files() => new(ConformanceFile.EnvFileNames());

    [Theory]
    [MemberData(nameof(Files))]
    public void Header_spaces_parse_and_describe_themselves_back(string fileName)
    {
        var file = ConformanceFile.Load(fileName);
        foreach (var name in new[] { "action_space", "observation_space" })
        {
            var description = file.Header.GetProperty(name);
            var space = Space.Parse(description);
            JsonAssert.Equal(description.GetRawText(), space.DescriptionJson());
            // And once more from our own output: the description is a fixed point.
            Assert.Equal(space.DescriptionJson(), Space.Parse(space.DescriptionJson()).DescriptionJson());
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Space_samples_match_gymnasium(string fileName)
    {
        var file = ConformanceFile.Load(fileName);
        var spaces = new Dictionary<string, Space>
        {
            ["action_sample"] = Space.Parse(file.Header.GetProperty("action_space")),
            ["observation_sample"] = Space.Parse(file.Header.GetProperty("observation_space")),
        };
        var counts = new Dictionary<string, int>();
        foreach (var record in file.Records)
        {
            var kind = record.GetProperty("kind").GetString()!;
            if (!spaces.TryGetValue(kind, out var space))
            {
                continue;
            }
            counts[kind] = counts.GetValueOrDefault(kind) + 1;
            counts["samples"] = counts.GetValueOrDefault("samples") + SampleReplay.AssertSamples(space, record, kind);
        }
        output.WriteLine($"{file.EnvId}: {string.Join(", ", counts.Select(c => $"{c.Value} {c.Key}"))}");
        Assert.True(counts.GetValueOrDefault("action_sample") > 0, $"{fileName} has no action_sample record");
        Assert.True(counts.GetValueOrDefault("observation_sample") > 0, $"{fileName} has no observation_sample record");
    }
}
