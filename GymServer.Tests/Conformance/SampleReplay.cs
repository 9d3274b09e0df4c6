using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Spaces;
using GymServer.Tests.Infrastructure;

namespace GymServer.Tests.Conformance;

/// <summary>Replays a recorded <c>space.seed(seed)</c> followed by <c>space.sample()</c> calls, bit for bit.</summary>
public static class SampleReplay
{
    /// <summary>
    /// Seeds the space with the record's seed, then checks each recorded sample: the same bytes, inside the space,
    /// and the same JSON. Returns how many samples were checked.
    /// </summary>
    public static int AssertSamples(Space space, JsonElement record, string label)
    {
        var seed = BigInteger.Parse(record.GetProperty("seed").GetRawText());
        space.Seed(seed);
        var expected = new byte[space.ByteSize];
        var actual = new byte[space.ByteSize];
        var index = 0;
        foreach (var sample in record.GetProperty("samples").EnumerateArray())
        {
            var where = $"{label} seed {seed} sample {index}";
            space.ReadValue(sample, expected);
            space.Sample(actual);
            Assert.True(
                expected.AsSpan().SequenceEqual(actual),
                $"{where}: expected {sample.GetRawText()}, got {space.ValueJson(actual)}");
            Assert.True(space.Contains(actual), $"{where}: {space.ValueJson(actual)} is not in the space");
            JsonAssert.Equal(sample.GetRawText(), space.ValueJson(actual));
            index++;
        }
        return index;
    }
}
