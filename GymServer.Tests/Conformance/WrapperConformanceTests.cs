using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Wrappers;
using GymServer.Protocol.Values;
using GymServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GymServer.Tests.Conformance;

/// <summary>
/// Replays Gymnasium 1.4.0's wrappers, alone and in chains, recorded on the native envs (Wrappers/, see
/// record_wrappers.py): the wrapped spaces and spec, then every observation bit for bit, reward (value and Python
/// int/float kind), flag and info, over seeded and continued episodes on one env instance, so running statistics
/// and stacks carry over from episode to episode as they do in Gymnasium.
/// </summary>
public sealed class WrapperConformanceTests(ITestOutputHelper output)
{
    private static readonly EnvRegistry Registry = NativeEnvironments.CreateRegistry();

    public static string Folder => Path.Combine(RepositoryPaths.Root, "GymServer.Tests", "Conformance", "Wrappers");

    public static TheoryData<string> Scenarios() => new(ScenarioFiles());

    private static IEnumerable<string> ScenarioFiles() =>
        Directory.EnumerateFiles(Folder, "*__*.jsonl").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    [Fact]
    public void Every_native_wrapper_is_recorded_alone_and_in_a_chain()
    {
        var headers = ScenarioFiles().Select(file => ReadLines(file)[0]).ToList();
        var alone = headers.Where(h => h.GetProperty("wrappers").GetArrayLength() == 1).Select(h => WrapperNames(h)[0]).ToHashSet();
        var chained = headers.Where(h => h.GetProperty("wrappers").GetArrayLength() > 1).SelectMany(WrapperNames).ToHashSet();
        // The image wrappers apply to no native env: ImageWrapperConformanceTests replays them on image envs.
        var applicable = NativeWrappers.Names.Except(ImageWrapperConformanceTests.ImageOnly).ToList();
        Assert.Empty(applicable.Except(alone));
        Assert.Empty(applicable.Except(chained));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Wrapped_env_matches_gymnasium(string fileName)
    {
        var lines = ReadLines(fileName);
        var header = lines[0];
        using var env = Make(header);
        JsonAssert.Equal(header.GetProperty("observation_space").GetRawText(), env.ObservationSpace.DescriptionJson());
        JsonAssert.Equal(header.GetProperty("action_space").GetRawText(), env.ActionSpace.DescriptionJson());
        var limit = header.GetProperty("max_episode_steps");
        Assert.Equal(limit.ValueKind == JsonValueKind.Null ? null : limit.GetInt32(), env.Spec.MaxEpisodeSteps);

        var steps = lines.Skip(1).Sum(episode => Replay(env, episode));
        output.WriteLine($"{fileName}: {lines.Count - 1} episodes, {steps} steps");
    }

    /// <summary>The env of a recording's header: the native env, then its wrappers in order.</summary>
    public static IEnv Make(JsonElement header)
    {
        var kwargs = header.GetProperty("env_kwargs").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        var env = Registry.Make(header.GetProperty("env_id").GetString()!, kwargs);
        return NativeWrappers.Apply(env, ReadWrappers(header.GetProperty("wrappers")));
    }

    public static List<WrapperSpec> ReadWrappers(JsonElement wrappers) =>
        [.. wrappers.EnumerateArray().Select(wrapper => new WrapperSpec(
            wrapper.GetProperty("name").GetString()!,
            wrapper.TryGetProperty("kwargs", out var kwargs)
                ? kwargs.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone())
                : null))];

    private static List<string> WrapperNames(JsonElement header) =>
        [.. header.GetProperty("wrappers").EnumerateArray().Select(w => w.GetProperty("name").GetString()!)];

    private static List<JsonElement> ReadLines(string fileName) =>
        [.. File.ReadLines(Path.Combine(Folder, fileName)).Select(line => JsonDocument.Parse(line).RootElement)];

    private static int Replay(IEnv env, JsonElement episode)
    {
        var seedJson = episode.GetProperty("seed");
        BigInteger? seed = seedJson.ValueKind == JsonValueKind.Null ? null : BigInteger.Parse(seedJson.GetRawText());
        var observation = new byte[env.ObservationSpace.ByteSize];
        var action = new byte[env.ActionSpace.ByteSize];
        var info = new EnvInfo();
        env.Reset(seed, null, observation, info);
        var where = $"{env.Spec.Id} seed={seedJson.GetRawText()}";
        AssertObservation(env, episode.GetProperty("reset_obs"), observation, $"{where} reset");
        AssertInfo(episode.GetProperty("reset_info"), info, $"{where} reset");

        var index = 0;
        foreach (var step in episode.GetProperty("steps").EnumerateArray())
        {
            var at = $"{where} step {index++}";
            env.ActionSpace.ReadValue(step.GetProperty("action"), action);
            var result = env.Step(action, observation, info);
            AssertObservation(env, step.GetProperty("obs"), observation, at);
            var reward = step.GetProperty("reward");
            Assert.True(
                BitConverter.DoubleToInt64Bits(reward.GetDouble()) == BitConverter.DoubleToInt64Bits(result.Reward),
                $"{at}: reward {result.Reward:R}, expected {reward.GetRawText()}");
            var integer = env.Spec.IntegerRewards || result.IntegerReward;
            Assert.True(IsIntegerLiteral(reward) == integer, $"{at}: reward {reward.GetRawText()}, but the env says integer={integer}");
            Assert.True(step.GetProperty("terminated").GetBoolean() == result.Terminated, $"{at}: terminated {result.Terminated}");
            Assert.True(step.GetProperty("truncated").GetBoolean() == result.Truncated, $"{at}: truncated {result.Truncated}");
            AssertInfo(step.GetProperty("info"), info, at);
        }
        return index;
    }

    /// <summary>The bytes (so -0.0 is not 0.0) and the JSON form (so a 0-d Box is a number, a Dict an object).</summary>
    private static void AssertObservation(IEnv env, JsonElement expected, byte[] observation, string where)
    {
        var expectedBytes = new byte[observation.Length];
        env.ObservationSpace.ReadValue(expected, expectedBytes);
        var actual = env.ObservationSpace.ValueJson(observation);
        Assert.True(expectedBytes.AsSpan().SequenceEqual(observation), $"{where}: observation {actual}, expected {expected.GetRawText()}");
        JsonAssert.Equal(expected.GetRawText(), actual);
    }

    private static void AssertInfo(JsonElement expected, EnvInfo info, string where)
    {
        Assert.True(expected.EnumerateObject().Count() == info.Count, $"{where}: info has {info.Count} keys, expected {expected.GetRawText()}");
        var index = 0;
        foreach (var property in expected.EnumerateObject())
        {
            var entry = info[index++];
            Assert.True(entry.Key == property.Name, $"{where}: info key {entry.Key}, expected {property.Name} (in Gymnasium's order)");
            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.Number when IsIntegerLiteral(value):
                    Assert.True(entry.Kind == InfoKind.Integer && entry.Integer == value.GetInt64(), $"{where}: info {property.Name} is {entry}, expected int {value}");
                    break;
                case JsonValueKind.Number:
                    Assert.True(entry.Kind == InfoKind.Float && entry.Float == value.GetDouble(), $"{where}: info {property.Name} is {entry}, expected float {value}");
                    break;
                case JsonValueKind.Array:
                    var values = value.EnumerateArray().Select(v => (sbyte)v.GetInt32()).ToArray();
                    Assert.True(entry.Kind == InfoKind.Int8Array && entry.Int8Array.SequenceEqual(values), $"{where}: info {property.Name}, expected {value}");
                    break;
                case JsonValueKind.Object:
                    Assert.True(entry.Kind == InfoKind.RawJson, $"{where}: info {property.Name} is {entry.Kind}, expected an object");
                    AssertEpisodeStatistics(value, entry.RawJson, $"{where}: info {property.Name}");
                    break;
                default:
                    Assert.Fail($"{where}: info {property.Name} has an unexpected kind {value.ValueKind}");
                    break;
            }
        }
    }

    /// <summary>RecordEpisodeStatistics' r and l exactly (r a float, l an int); t, wall-clock time, a rounded float.</summary>
    private static void AssertEpisodeStatistics(JsonElement expected, ReadOnlyMemory<byte> json, string where)
    {
        using var document = JsonDocument.Parse(json);
        var actual = document.RootElement;
        Assert.Equal(["r", "l", "t"], actual.EnumerateObject().Select(p => p.Name));
        var (r, l, t) = (actual.GetProperty("r"), actual.GetProperty("l"), actual.GetProperty("t"));
        Assert.True(!IsIntegerLiteral(r) && r.GetDouble() == expected.GetProperty("r").GetDouble(), $"{where}: r {r}, expected {expected.GetProperty("r")}");
        Assert.True(IsIntegerLiteral(l) && l.GetInt64() == expected.GetProperty("l").GetInt64(), $"{where}: l {l}, expected {expected.GetProperty("l")}");
        Assert.True(!IsIntegerLiteral(t) && t.GetDouble() >= 0 && Math.Round(t.GetDouble(), 6) == t.GetDouble(), $"{where}: t {t}");
    }

    /// <summary>Python's json writes ints without a point or exponent, floats always with one.</summary>
    private static bool IsIntegerLiteral(JsonElement number) => number.GetRawText().AsSpan().IndexOfAny(".eE") < 0;
}
