using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Spaces;
using GymServer.Protocol.Spaces;
using GymServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GymServer.Tests.Conformance;

/// <summary>
/// Replays Data/gymnasium_space_samples.jsonl: samples recorded from Gymnasium 1.2.2 with numpy 1.24.2 (by
/// Data/record_space_samples.py) for the spaces and paths the shared env data does not reach: half-bounded and
/// integer Boxes, MultiDiscrete, MultiBinary, Dict (sorted and ordered keys), nested Tuple, Discrete dtypes.
/// </summary>
public sealed class GymnasiumSpaceSampleTests(ITestOutputHelper output)
{
    private static readonly string DataFile = Path.Combine(RepositoryPaths.Root, "GymServer.Tests", "Conformance", "Data", "gymnasium_space_samples.jsonl");

    public static TheoryData<string> Names() => new(Records().Select(r => r.GetProperty("name").GetString()!).Distinct());

    [Theory]
    [MemberData(nameof(Names))]
    public void Samples_match_gymnasium(string name)
    {
        var records = Records().Where(r => r.GetProperty("name").GetString() == name).ToList();
        var checkedSamples = 0;
        foreach (var record in records)
        {
            var description = record.GetProperty("space");
            var space = Space.Parse(description);
            JsonAssert.Equal(description.GetRawText(), space.DescriptionJson());
            checkedSamples += SampleReplay.AssertSamples(space, record, name);
        }
        output.WriteLine($"{name}: {records.Count} seeds, {checkedSamples} samples");
        Assert.True(checkedSamples > 0);
    }

    private static IEnumerable<JsonElement> Records() =>
        File.ReadLines(DataFile).Where(line => line.Length > 0).Select(line => JsonDocument.Parse(line).RootElement);
}
