using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Spaces;
using GymServer.Protocol;
using GymServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GymServer.Tests.Conformance;

/// <summary>
/// Replays Data/gymnasium_space_samples.jsonl, recorded from Gymnasium 1.4.0 with numpy 1.24.2 (by
/// Data/record_space_samples.py) for the spaces and paths the shared env data does not reach: half-bounded and
/// integer Boxes (bounds at the dtype's limits too), MultiDiscrete, MultiBinary, Dict (sorted and ordered keys),
/// nested Tuple, Discrete dtypes. Samples bit for bit, and <c>contains</c> answers for values in and out of each space.
/// </summary>
public sealed class GymnasiumSpaceSampleTests(ITestOutputHelper output)
{
    private static readonly string DataFile = Path.Combine(RepositoryPaths.Root, "GymServer.Tests", "Conformance", "Data", "gymnasium_space_samples.jsonl");

    public static TheoryData<string> Names() => new(Records("space_sample").Select(r => r.GetProperty("name").GetString()!).Distinct());

    public static TheoryData<string> ContainsNames() => new(Records("space_contains").Select(r => r.GetProperty("name").GetString()!));

    [Theory]
    [MemberData(nameof(Names))]
    public void Samples_match_gymnasium(string name)
    {
        var records = Records("space_sample").Where(r => r.GetProperty("name").GetString() == name).ToList();
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

    /// <summary>
    /// A value the space cannot even read (another shape, a number its dtype cannot hold) is not in it: the server
    /// refuses such an action as invalid, and Gymnasium's contains says False.
    /// </summary>
    [Theory]
    [MemberData(nameof(ContainsNames))]
    public void Contains_matches_gymnasium(string name)
    {
        var record = Records("space_contains").Single(r => r.GetProperty("name").GetString() == name);
        var space = Space.Parse(record.GetProperty("space"));
        var value = new byte[space.ByteSize];
        var cases = record.GetProperty("cases").EnumerateArray().ToList();
        foreach (var @case in cases)
        {
            bool contained;
            try
            {
                space.ReadValue(@case.GetProperty("value"), value);
                contained = space.Contains(value);
            }
            catch (WireException exception) when (exception.Code == EnvErrorCodes.InvalidAction)
            {
                contained = false;
            }
            var expected = @case.GetProperty("contains").GetBoolean();
            Assert.True(expected == contained, $"{name}: contains({@case.GetProperty("value").GetRawText()}) is {contained}, Gymnasium says {expected}");
        }
        output.WriteLine($"{name}: {cases.Count} values");
    }

    private static IEnumerable<JsonElement> Records(string kind) =>
        File.ReadLines(DataFile)
            .Where(line => line.Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(record => record.GetProperty("kind").GetString() == kind);
}
