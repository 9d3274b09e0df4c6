using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Random;
using GymServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GymServer.Tests.Conformance;

/// <summary>
/// Replays every stream of numpy_rng.jsonl (numpy 1.24's <c>Generator(PCG64(SeedSequence(seed)))</c>) against
/// <see cref="NumpyGenerator"/>: seed sequence words, PCG64 state, raw words, doubles, bounded integers with
/// the state left behind, normals, and one interleaved sequence. Values must be equal, not close.
/// </summary>
public sealed class NumpyRngConformanceTests(ITestOutputHelper output)
{
    private const string FileName = "numpy_rng.jsonl";

    public static TheoryData<string> Seeds() => new(Records("numpy_rng").Select(r => r.GetProperty("seed").GetString()!));

    [Fact]
    public void File_holds_a_record_per_seed_and_a_mixed_sequence()
    {
        Assert.NotEmpty(Records("numpy_rng"));
        Assert.NotEmpty(Records("numpy_rng_mixed_sequence"));
        var kinds = AllRecords().Select(r => r.GetProperty("kind").GetString()).Distinct().Order();
        Assert.Equal(["numpy_rng", "numpy_rng_mixed_sequence"], kinds);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seed_sequence_matches(string seed)
    {
        var record = Record(seed).GetProperty("seedsequence");
        var sequence = new SeedSequence(BigInteger.Parse(seed));
        Assert.Equal(UInts(record.GetProperty("entropy_uint32_words")), SeedSequence.ToUInt32Words(sequence.Entropy));
        Assert.Equal(UInts(record.GetProperty("pool_uint32")), sequence.Pool.ToArray());
        Assert.Equal(UInts(record.GetProperty("generate_state_4_uint32")), sequence.GenerateState32(4));
        Assert.Equal(ULongs(record.GetProperty("generate_state_2_uint64")), sequence.GenerateState64(2));
        Assert.Equal(ULongs(record.GetProperty("generate_state_4_uint64_used_by_PCG64")), sequence.GenerateState64(4));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Pcg64_initial_state_matches(string seed)
    {
        AssertState(Record(seed).GetProperty("pcg64_initial_state"), Fresh(seed).BitGenerator, "initial state");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Raw_words_match(string seed)
    {
        var generator = Fresh(seed);
        var actual = Enumerable.Range(0, 20).Select(_ => generator.NextUInt64()).ToArray();
        Assert.Equal(ULongs(Record(seed).GetProperty("random_raw_first_20")), actual);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Next_uint32_matches_directly_and_through_integers(string seed)
    {
        var expected = UInts(Record(seed).GetProperty("next_uint32_first_20").GetProperty("values"));
        var direct = Fresh(seed);
        Assert.Equal(expected, Enumerable.Range(0, 20).Select(_ => direct.NextUInt32()).ToArray());
        // The recorded call: integers(0, 2**32), whose range 2^32 - 1 numpy serves from next_uint32 as is.
        var bounded = Fresh(seed);
        Assert.Equal(expected.Select(v => (long)v).ToArray(), Enumerable.Range(0, 20).Select(_ => bounded.Integers(0, 1L << 32)).ToArray());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_doubles_match(string seed)
    {
        var generator = Fresh(seed);
        AssertDoubles(Record(seed).GetProperty("random_20").GetProperty("values"), Enumerable.Range(0, 20).Select(_ => generator.Random()), "random()");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Uniform_as_cartpole_draws_it_matches(string seed)
    {
        var generator = Fresh(seed);
        var actual = new double[20];
        for (var call = 0; call < 5; call++)
        {
            generator.Uniform(-0.05, 0.05, actual.AsSpan(call * 4, 4));
        }
        AssertDoubles(Record(seed).GetProperty("uniform_cartpole_20").GetProperty("values"), actual, "uniform(-0.05, 0.05, size=(4,))");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Bounded_integers_match_scalar_and_vectorised_with_the_state_after(string seed)
    {
        var checkedCount = 0;
        foreach (var entry in Record(seed).GetProperty("integers").EnumerateArray())
        {
            var n = entry.GetProperty("n").GetInt64();
            var scalar = Fresh(seed);
            var values = Enumerable.Range(0, 20).Select(_ => scalar.Integers(n)).ToArray();
            Assert.True(Longs(entry.GetProperty("values")).SequenceEqual(values), $"integers({n}) x20: got [{string.Join(", ", values)}]");
            AssertState(entry.GetProperty("state_after_scalar_calls"), scalar.BitGenerator, $"after integers({n}) x20");

            var vectorised = new long[20];
            Fresh(seed).Integers(0, n, vectorised);
            Assert.True(Longs(entry.GetProperty("vectorised_values")).SequenceEqual(vectorised), $"integers({n}, size=20): got [{string.Join(", ", vectorised)}]");
            checkedCount++;
        }
        output.WriteLine($"seed {seed}: {checkedCount} integers(n) streams checked");
        Assert.True(checkedCount > 0);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Normals_match(string seed)
    {
        var generator = Fresh(seed);
        AssertDoubles(Record(seed).GetProperty("normal_20").GetProperty("values"), Enumerable.Range(0, 20).Select(_ => generator.Normal()), "normal()");
    }

    [Fact]
    public void Mixed_sequence_matches_value_and_state_after_every_call()
    {
        var checkedCount = 0;
        foreach (var record in Records("numpy_rng_mixed_sequence"))
        {
            var generator = Fresh(record.GetProperty("seed").GetString()!);
            foreach (var step in record.GetProperty("sequence").EnumerateArray())
            {
                var call = step.GetProperty("call").GetString()!;
                var expected = step.GetProperty("value");
                var actual = MixedCall(generator, call);
                JsonAssert.Equal(expected.GetRawText(), actual);
                AssertState(step.GetProperty("state_after"), generator.BitGenerator, $"after {call}");
                checkedCount++;
            }
        }
        output.WriteLine($"mixed sequence: {checkedCount} calls checked");
        Assert.True(checkedCount > 0);
    }

    /// <summary>Performs one call of the mixed sequence, named as the record names it; returns its value as JSON.</summary>
    private static string MixedCall(NumpyGenerator generator, string call)
    {
        if (call.StartsWith("integers(", StringComparison.Ordinal))
        {
            return generator.Integers(long.Parse(call["integers(".Length..^1])).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (call.StartsWith("uniform(low=np.array([-pi, -1.0]), high=np.array([pi, 1.0]))", StringComparison.Ordinal))
        {
            var values = new double[2];
            generator.Uniform([-Math.PI, -1.0], [Math.PI, 1.0], values);
            return JsonSerializer.Serialize(values);
        }
        if (call.StartsWith("uniform(low=", StringComparison.Ordinal))
        {
            var arguments = call["uniform(".Length..^1].Split(", ").Select(a => double.Parse(a.Split('=')[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            return JsonSerializer.Serialize(generator.Uniform(arguments[0], arguments[1]));
        }
        return call switch
        {
            "random()" => JsonSerializer.Serialize(generator.Random()),
            "normal()" => JsonSerializer.Serialize(generator.Normal()),
            _ => throw new Xunit.Sdk.XunitException($"the mixed sequence has a call this test does not know: {call}"),
        };
    }

    private static NumpyGenerator Fresh(string seed) => NumpyGenerator.FromSeed(BigInteger.Parse(seed));

    private static void AssertState(JsonElement expected, Pcg64 actual, string where)
    {
        Assert.True(UInt128.Parse(expected.GetProperty("state").GetString()!) == actual.State, $"{where}: state {actual.State}");
        Assert.True(UInt128.Parse(expected.GetProperty("inc").GetString()!) == actual.Increment, $"{where}: inc {actual.Increment}");
        Assert.True((expected.GetProperty("has_uint32").GetInt32() != 0) == actual.HasUInt32, $"{where}: has_uint32 {actual.HasUInt32}");
        Assert.True(expected.GetProperty("uinteger").GetUInt32() == actual.BufferedUInt32, $"{where}: uinteger {actual.BufferedUInt32}");
    }

    private static void AssertDoubles(JsonElement expected, IEnumerable<double> actual, string call)
    {
        var expectedValues = expected.EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var actualValues = actual.ToArray();
        Assert.Equal(expectedValues.Length, actualValues.Length);
        for (var i = 0; i < expectedValues.Length; i++)
        {
            // Bits, not tolerance: -0.0 and 0.0 differ too.
            Assert.True(
                BitConverter.DoubleToInt64Bits(expectedValues[i]) == BitConverter.DoubleToInt64Bits(actualValues[i]),
                $"{call} #{i}: expected {expectedValues[i]:R}, got {actualValues[i]:R}");
        }
    }

    private static uint[] UInts(JsonElement array) => array.EnumerateArray().Select(e => e.GetUInt32()).ToArray();

    private static long[] Longs(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt64()).ToArray();

    private static ulong[] ULongs(JsonElement array) => array.EnumerateArray().Select(e => ulong.Parse(e.GetString()!)).ToArray();

    private static JsonElement Record(string seed) =>
        Records("numpy_rng").Single(r => r.GetProperty("seed").GetString() == seed);

    private static List<JsonElement> Records(string kind) =>
        AllRecords().Where(r => r.GetProperty("kind").GetString() == kind).ToList();

    private static IEnumerable<JsonElement> AllRecords() =>
        File.ReadLines(Path.Combine(RepositoryPaths.ConformanceDirectory, FileName))
            .Where(line => line.Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement);
}
