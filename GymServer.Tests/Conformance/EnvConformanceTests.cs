using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol.Values;
using GymServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GymServer.Tests.Conformance;

/// <summary>
/// Replays every record of every env file in the conformance folder against the native env of the same id:
/// observations bit for bit, rewards as doubles, flags and info equal, space samples equal, spaces as described.
/// </summary>
public sealed class EnvConformanceTests(ITestOutputHelper output)
{
    private static readonly EnvRegistry Registry = NativeEnvironments.CreateRegistry();

    public static TheoryData<string> Files() => new(ConformanceFile.EnvFileNames());

    [Theory]
    [MemberData(nameof(Files))]
    public void Env_matches_gymnasium_reference(string fileName)
    {
        var file = ConformanceFile.Load(fileName);
        Assert.True(Registry.Contains(file.EnvId), $"{file.EnvId} is not registered natively");
        using var env = Registry.Make(file.EnvId);
        CheckHeader(file.Header, env);

        var counts = new Dictionary<string, int>();
        foreach (var record in file.Records)
        {
            var kind = record.GetProperty("kind").GetString()!;
            counts[kind] = counts.GetValueOrDefault(kind) + 1;
            switch (kind)
            {
                case "episode":
                    counts["steps"] = counts.GetValueOrDefault("steps") + ReplayEpisode(env, record);
                    break;
                case "action_sample":
                    SampleReplay.AssertSamples(env.ActionSpace, record, $"{file.EnvId} action_sample");
                    break;
                case "observation_sample":
                    SampleReplay.AssertSamples(env.ObservationSpace, record, $"{file.EnvId} observation_sample");
                    break;
                default:
                    Assert.Fail($"{fileName}: unknown record kind {kind}");
                    break;
            }
        }
        output.WriteLine($"{file.EnvId}: checked {file.Records.Count} records ({string.Join(", ", counts.Select(c => $"{c.Value} {c.Key}"))})");
        Assert.True(counts.GetValueOrDefault("episode") > 0, $"{fileName} holds no episode");
    }

    private static void CheckHeader(JsonElement header, IEnv env)
    {
        JsonAssert.Equal(header.GetProperty("observation_space").GetRawText(), env.ObservationSpace.DescriptionJson());
        JsonAssert.Equal(header.GetProperty("action_space").GetRawText(), env.ActionSpace.DescriptionJson());
        var maxSteps = header.GetProperty("max_episode_steps");
        Assert.Equal(maxSteps.ValueKind == JsonValueKind.Null ? null : maxSteps.GetInt32(), env.Spec.MaxEpisodeSteps);
        var threshold = header.GetProperty("reward_threshold");
        Assert.Equal(threshold.ValueKind == JsonValueKind.Null ? null : threshold.GetDouble(), env.Spec.RewardThreshold);
    }

    private static int ReplayEpisode(IEnv env, JsonElement record)
    {
        var seedElement = record.GetProperty("seed");
        BigInteger? seed = seedElement.ValueKind == JsonValueKind.Null ? null : BigInteger.Parse(seedElement.GetRawText());
        var observation = new byte[env.ObservationSpace.ByteSize];
        var info = new EnvInfo();
        env.Reset(seed, null, observation, info);
        var where = $"{env.Spec.Id} seed={seedElement.GetRawText()}";
        AssertObservation(env.ObservationSpace, record.GetProperty("reset_obs"), observation, $"{where} reset");
        AssertInfo(record.GetProperty("reset_info"), info, $"{where} reset");

        var action = new byte[env.ActionSpace.ByteSize];
        var stepIndex = 0;
        foreach (var step in record.GetProperty("steps").EnumerateArray())
        {
            var at = $"{where} step {stepIndex}";
            env.ActionSpace.ReadValue(step.GetProperty("action"), action);
            var result = env.Step(action, observation, info);
            AssertObservation(env.ObservationSpace, step.GetProperty("obs"), observation, at);
            Assert.True(step.GetProperty("reward").GetDouble() == result.Reward, $"{at}: reward {result.Reward}, expected {step.GetProperty("reward").GetRawText()}");
            Assert.True(step.GetProperty("terminated").GetBoolean() == result.Terminated, $"{at}: terminated");
            Assert.True(step.GetProperty("truncated").GetBoolean() == result.Truncated, $"{at}: truncated");
            AssertInfo(step.GetProperty("info"), info, at);
            stepIndex++;
        }
        return stepIndex;
    }

    private static void AssertObservation(Space space, JsonElement expectedJson, byte[] actual, string where)
    {
        var expected = new byte[space.ByteSize];
        space.ReadValue(expectedJson, expected);
        Assert.True(
            expected.AsSpan().SequenceEqual(actual),
            $"{where}: observation {space.ValueJson(actual)}, expected {expectedJson.GetRawText()}");
    }

    private static void AssertInfo(JsonElement expected, EnvInfo info, string where)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            info.WriteTo(writer);
        }
        using var actual = JsonDocument.Parse(stream.ToArray());
        try
        {
            JsonAssert.Equal(expected, actual.RootElement);
        }
        catch (Exception exception) when (exception is Xunit.Sdk.XunitException)
        {
            throw new Xunit.Sdk.XunitException($"{where}: info {actual.RootElement.GetRawText()}, expected {expected.GetRawText()}: {exception.Message}");
        }
    }
}
