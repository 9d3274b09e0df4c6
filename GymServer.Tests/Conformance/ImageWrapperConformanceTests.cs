using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Engine.Wrappers;
using GymServer.Protocol.Spaces;
using GymServer.Protocol.Values;
using GymServer.Tests.Conformance.ImageWrappers;
using GymServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GymServer.Tests.Conformance;

/// <summary>
/// Replays Gymnasium 1.4.0's image wrappers (GrayscaleObservation, ResizeObservation through OpenCV 4.6's
/// INTER_AREA, MaxAndSkipObservation, and the Atari chain with FrameStackObservation) recorded on synthetic image
/// envs (ImageWrappers/record_image_wrappers.py): the wrapped spaces, then every observation byte for byte (through
/// its hash), reward bit for bit and flag, over seeded and continued episodes.
/// </summary>
public sealed class ImageWrapperConformanceTests(ITestOutputHelper output)
{
    /// <summary>The native wrappers that only apply to images, recorded here rather than on the native envs.</summary>
    public static readonly string[] ImageOnly = ["GrayscaleObservation", "ResizeObservation"];

    private static string DataFile => Path.Combine(RepositoryPaths.Root, "GymServer.Tests", "Conformance", "ImageWrappers", "image_wrappers.jsonl");

    public static TheoryData<string> Scenarios() => new(Records().Select(record => record.GetProperty("scenario").GetString()!));

    [Fact]
    public void Every_image_wrapper_is_recorded_alone_and_in_the_atari_chain()
    {
        var names = Records().Select(record => WrapperConformanceTests.ReadWrappers(record.GetProperty("wrappers")).Select(w => w.Name).ToList()).ToList();
        var alone = names.Where(list => list.Count == 1).Select(list => list[0]).ToHashSet();
        Assert.Superset(new HashSet<string>([.. ImageOnly, "MaxAndSkipObservation"]), alone);
        Assert.Contains(names, list => list.SequenceEqual(["MaxAndSkipObservation", "GrayscaleObservation", "ResizeObservation", "FrameStackObservation"]));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Wrapped_image_env_matches_gymnasium(string scenario)
    {
        var record = Records().Single(r => r.GetProperty("scenario").GetString() == scenario);
        var envJson = record.GetProperty("env");
        IEnv inner = envJson.GetProperty("kind").GetString() == "atari"
            ? new AtariShapedEnv()
            : new FramesEnv([.. envJson.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32())], envJson.GetProperty("episode_steps").GetInt32());
        using var env = NativeWrappers.Apply(inner, WrapperConformanceTests.ReadWrappers(record.GetProperty("wrappers")));

        AssertImageSpace(record.GetProperty("observation_space"), env.ObservationSpace);
        JsonAssert.Equal(record.GetProperty("action_space").GetRawText(), env.ActionSpace.DescriptionJson());

        var observation = new byte[env.ObservationSpace.ByteSize];
        var action = new byte[env.ActionSpace.ByteSize];
        var info = new EnvInfo();
        var steps = 0;
        foreach (var episode in record.GetProperty("episodes").EnumerateArray())
        {
            var seedJson = episode.GetProperty("seed");
            BigInteger? seed = seedJson.ValueKind == JsonValueKind.Null ? null : seedJson.GetInt64();
            if (inner is AtariShapedEnv atari)
            {
                atari.Fill = (byte)episode.GetProperty("fill").GetInt32();
            }
            env.Reset(seed, null, observation, info);
            var where = $"{scenario} seed={seedJson.GetRawText()}";
            Assert.True(Digest(observation) == episode.GetProperty("reset").GetString(), $"{where} reset: observation differs");
            var index = 0;
            foreach (var step in episode.GetProperty("steps").EnumerateArray())
            {
                var at = $"{where} step {index++}";
                Discrete.Write(action, step.GetProperty("action").GetInt64());
                var result = env.Step(action, observation, info);
                Assert.True(Digest(observation) == step.GetProperty("obs").GetString(), $"{at}: observation differs");
                var reward = step.GetProperty("reward").GetDouble();
                Assert.True(BitConverter.DoubleToInt64Bits(reward) == BitConverter.DoubleToInt64Bits(result.Reward), $"{at}: reward {result.Reward:R}, expected {reward:R}");
                Assert.False(env.Spec.IntegerRewards || result.IntegerReward, $"{at}: Gymnasium's reward is a float");
                Assert.True(step.GetProperty("terminated").GetBoolean() == result.Terminated, $"{at}: terminated {result.Terminated}");
                Assert.True(step.GetProperty("truncated").GetBoolean() == result.Truncated, $"{at}: truncated {result.Truncated}");
                steps++;
            }
        }
        output.WriteLine($"{scenario}: {steps} steps");
    }

    /// <summary>An image Box as the recording writes it: shape, dtype, and the one value every low and every high has.</summary>
    private static void AssertImageSpace(JsonElement expected, Space actual)
    {
        var box = Assert.IsType<Box>(actual);
        Assert.Equal(expected.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()), box.Shape.ToArray());
        Assert.Equal(expected.GetProperty("dtype").GetString(), DTypes.Name(box.DType));
        Assert.All(box.Low.ToArray(), low => Assert.Equal(expected.GetProperty("low").GetDouble(), low));
        Assert.All(box.High.ToArray(), high => Assert.Equal(expected.GetProperty("high").GetDouble(), high));
    }

    private static string Digest(byte[] observation) => Convert.ToHexStringLower(SHA256.HashData(observation))[..32];

    private static List<JsonElement> Records() =>
        [.. File.ReadLines(DataFile).Select(line => JsonDocument.Parse(line).RootElement)];
}
