using System.Numerics;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Protocol.Values;
using GymServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GymServer.Tests.Conformance;

/// <summary>
/// Replays the toy-text kwargs variants (ToyTextVariants/, see record_variants.py), recorded from Gymnasium 1.4.0
/// except Taxi-v3's (1.2.2, the last release that has it): Taxi-v4's rain and fickle passenger with their
/// probabilities, Taxi-v3's, slippery CliffWalking, FrozenLake's desc, success_rate and reward_schedule, Blackjack
/// without sab. Besides values, it checks Python's int/float kinds: of info numbers, and of rewards against
/// <see cref="EnvSpec.IntegerRewards"/>.
/// </summary>
public sealed class ToyTextVariantConformanceTests(ITestOutputHelper output)
{
    private static readonly EnvRegistry Registry = NativeEnvironments.CreateRegistry();

    private static string Folder => Path.Combine(RepositoryPaths.Root, "GymServer.Tests", "Conformance", "ToyTextVariants");

    public static TheoryData<string> Files() =>
        new(Directory.EnumerateFiles(Folder, "*.jsonl").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Files))]
    public void Variant_matches_gymnasium_reference(string fileName)
    {
        var lines = File.ReadLines(Path.Combine(Folder, fileName)).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var header = lines[0];
        var kwargs = header.GetProperty("kwargs").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        using var env = Registry.Make(header.GetProperty("env_id").GetString()!, kwargs);
        JsonAssert.Equal(header.GetProperty("observation_space").GetRawText(), env.ObservationSpace.DescriptionJson());
        JsonAssert.Equal(header.GetProperty("action_space").GetRawText(), env.ActionSpace.DescriptionJson());
        var limit = header.GetProperty("max_episode_steps");
        Assert.Equal(limit.ValueKind == JsonValueKind.Null ? null : limit.GetInt32(), env.Spec.MaxEpisodeSteps);

        var steps = 0;
        foreach (var episode in lines.Skip(1))
        {
            steps += Replay(env, episode);
        }
        output.WriteLine($"{fileName}: checked {lines.Count - 1} episodes, {steps} steps");
    }

    private static int Replay(IEnv env, JsonElement episode)
    {
        var seedJson = episode.GetProperty("seed");
        BigInteger? seed = seedJson.ValueKind == JsonValueKind.Null ? null : BigInteger.Parse(seedJson.GetRawText());
        var observation = new byte[env.ObservationSpace.ByteSize];
        var expected = new byte[env.ObservationSpace.ByteSize];
        var action = new byte[env.ActionSpace.ByteSize];
        var info = new EnvInfo();
        env.Reset(seed, null, observation, info);
        var where = $"{env.Spec.Id} seed={seedJson.GetRawText()}";
        env.ObservationSpace.ReadValue(episode.GetProperty("reset_obs"), expected);
        Assert.True(expected.AsSpan().SequenceEqual(observation), $"{where} reset: observation {env.ObservationSpace.ValueJson(observation)}");
        AssertInfo(episode.GetProperty("reset_info"), info, $"{where} reset");

        var index = 0;
        foreach (var step in episode.GetProperty("steps").EnumerateArray())
        {
            var at = $"{where} step {index++}";
            env.ActionSpace.ReadValue(step.GetProperty("action"), action);
            var result = env.Step(action, observation, info);
            env.ObservationSpace.ReadValue(step.GetProperty("obs"), expected);
            Assert.True(expected.AsSpan().SequenceEqual(observation), $"{at}: observation {env.ObservationSpace.ValueJson(observation)}, expected {step.GetProperty("obs").GetRawText()}");
            var reward = step.GetProperty("reward");
            Assert.True(reward.GetDouble() == result.Reward, $"{at}: reward {result.Reward}, expected {reward.GetRawText()}");
            Assert.True(JsonAssert.IsIntegerLiteral(reward) == env.Spec.IntegerRewards, $"{at}: reward {reward.GetRawText()} vs IntegerRewards={env.Spec.IntegerRewards}");
            Assert.True(step.GetProperty("terminated").GetBoolean() == result.Terminated, $"{at}: terminated");
            Assert.True(step.GetProperty("truncated").GetBoolean() == result.Truncated, $"{at}: truncated");
            AssertInfo(step.GetProperty("info"), info, at);
        }
        return index;
    }

    private static void AssertInfo(JsonElement expected, EnvInfo info, string where)
    {
        Assert.True(expected.EnumerateObject().Count() == info.Count, $"{where}: info has {info.Count} keys, expected {expected.GetRawText()}");
        foreach (var property in expected.EnumerateObject())
        {
            Assert.True(info.TryGet(property.Name, out var entry), $"{where}: info lacks '{property.Name}'");
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Number when JsonAssert.IsIntegerLiteral(property.Value):
                    Assert.True(entry.Kind == InfoKind.Integer && entry.Integer == property.Value.GetInt64(), $"{where}: info {property.Name} is {entry}, expected int {property.Value}");
                    break;
                case JsonValueKind.Number:
                    Assert.True(entry.Kind == InfoKind.Float && entry.Float == property.Value.GetDouble(), $"{where}: info {property.Name} is {entry}, expected float {property.Value}");
                    break;
                case JsonValueKind.Array:
                    var values = property.Value.EnumerateArray().Select(v => (sbyte)v.GetInt32()).ToArray();
                    Assert.True(entry.Kind == InfoKind.Int8Array && entry.Int8Array.SequenceEqual(values), $"{where}: info {property.Name}, expected {property.Value}");
                    break;
                default:
                    Assert.Fail($"{where}: info {property.Name} has an unexpected kind {property.Value.ValueKind}");
                    break;
            }
        }
    }
}
