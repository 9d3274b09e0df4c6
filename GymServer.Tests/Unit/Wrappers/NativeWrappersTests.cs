using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Engine.Wrappers;
using GymServer.Protocol;
using GymServer.Tests.Conformance;

namespace GymServer.Tests.Unit.Wrappers;

/// <summary>
/// NativeWrappers.Apply's refusals: each names the wrapper, its place in the list and what is wrong; every list
/// Gymnasium 1.4.0 refuses (refusals.jsonl) is refused here too.
/// </summary>
public sealed class NativeWrappersTests
{
    private static readonly EnvRegistry Registry = NativeEnvironments.CreateRegistry();

    public static TheoryData<int> GymnasiumRefusals() =>
        new(Enumerable.Range(0, File.ReadLines(RefusalsFile).Count()));

    private static string RefusalsFile => Path.Combine(WrapperConformanceTests.Folder, "refusals.jsonl");

    [Theory]
    [MemberData(nameof(GymnasiumRefusals))]
    public void What_gymnasium_refuses_is_refused(int line)
    {
        var record = JsonDocument.Parse(File.ReadLines(RefusalsFile).ElementAt(line)).RootElement;
        var wrappers = WrapperConformanceTests.ReadWrappers(record.GetProperty("wrappers"));
        using var env = Registry.Make(record.GetProperty("env_id").GetString()!);
        var error = Assert.Throws<EnvException>(() => NativeWrappers.Apply(env, wrappers));
        Assert.Equal(EnvErrorCodes.InvalidArgument, error.Code);
        Assert.Contains(wrappers[^1].Name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_list_leaves_the_env_as_it_is()
    {
        using var env = Registry.Make("CartPole-v1");
        Assert.Same(env, NativeWrappers.Apply(env, []));
    }

    [Fact]
    public void An_unknown_name_is_refused_with_close_matches_and_the_native_list()
    {
        using var env = Registry.Make("CartPole-v1");
        var error = Assert.Throws<EnvException>(() => NativeWrappers.Apply(env, [new("TimeLimit", Kwargs("""{"max_episode_steps": 5}""")), new("TimeLimt")]));
        Assert.Equal(EnvErrorCodes.UnknownWrapper, error.Code);
        Assert.StartsWith("wrapper 2 of 2 (TimeLimt): no native wrapper of that name; did you mean TimeLimit?", error.Message, StringComparison.Ordinal);
        Assert.Contains(string.Join(", ", NativeWrappers.Names), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Native_names_decide_which_lists_run_in_csharp()
    {
        Assert.Equal(14, NativeWrappers.Names.Count);
        Assert.True(NativeWrappers.IsNative("FrameStackObservation"));
        Assert.False(NativeWrappers.IsNative("AtariPreprocessing"));
        Assert.False(NativeWrappers.IsNative("frameStackObservation"));
        Assert.True(NativeWrappers.AllNative([new("ClipAction"), new("NormalizeObservation")]));
        Assert.False(NativeWrappers.AllNative([new("ClipAction"), new("AtariPreprocessing")]));
        Assert.True(NativeWrappers.AllNative([]));
    }

    [Theory]
    [InlineData("CartPole-v1", "TimeLimit", """{}""", "missing required keyword argument 'max_episode_steps'")]
    [InlineData("CartPole-v1", "TimeLimit", """{"max_episode_steps": 5.0}""", "'max_episode_steps' must be an integer of at least 1")]
    [InlineData("CartPole-v1", "TimeLimit", """{"max_episode_steps": true}""", "'max_episode_steps' must be an integer of at least 1")]
    [InlineData("CartPole-v1", "FrameStackObservation", """{"stack_size": "4"}""", "'stack_size' must be an integer of at least 1")]
    [InlineData("CartPole-v1", "FrameStackObservation", """{"stack_size": 2, "padding_type": [1, 2, 3]}""", "'padding_type' must be \"reset\", \"zero\" or an observation of")]
    [InlineData("CartPole-v1", "FrameStackObservation", """{"stack_size": 2, "padding_type": [0, 0, 9, 0]}""", "'padding_type' must be \"reset\", \"zero\" or an observation of")]
    [InlineData("FrozenLake-v1", "FrameStackObservation", """{"stack_size": 2, "padding_type": 16}""", "'padding_type' must be")]
    [InlineData("CartPole-v1", "NormalizeObservation", """{"epsilon": 0}""", "'epsilon' must be a finite number above 0")]
    [InlineData("CartPole-v1", "NormalizeReward", """{"gamma": 1.5}""", "'gamma' must be a number from 0 to 1")]
    [InlineData("CartPole-v1", "NormalizeReward", """{"gama": 0.9}""", "NormalizeReward got unexpected keyword argument(s): gama")]
    [InlineData("CartPole-v1", "ClipReward", """{"min_reward": "low"}""", "'min_reward' must be a finite number or null")]
    [InlineData("CartPole-v1", "DtypeObservation", """{}""", "missing required keyword argument 'dtype'")]
    [InlineData("CartPole-v1", "DtypeObservation", """{"dtype": "float16"}""", "'dtype' must be one of float32, float64, int8")]
    [InlineData("CartPole-v1", "DtypeObservation", """{"dtype": "int32"}""", "a space whose high is below its low")]
    [InlineData("Pendulum-v1", "DtypeObservation", """{"dtype": "uint8"}""", "DtypeObservation to uint8:")]
    [InlineData("Pendulum-v1", "RescaleAction", """{"min_action": [-1, 1], "max_action": 1}""", "'min_action' must be a number or a list of 1 numbers")]
    [InlineData("Pendulum-v1", "RescaleAction", """{"min_action": 0.5, "max_action": 0.5}""", "a rescaling onto one point has no inverse")]
    [InlineData("Pendulum-v1", "RescaleAction", """{"min_action": 0.5}""", "missing required keyword argument 'max_action'")]
    [InlineData("Blackjack-v1", "DtypeObservation", """{"dtype": "float32"}""", "DtypeObservation needs a Box, Discrete, MultiDiscrete or MultiBinary observation space; Blackjack-v1's observation space here is {\"type\":\"Tuple\"")]
    [InlineData("CartPole-v1", "RecordEpisodeStatistics", """{"buffer_length": -1}""", "'buffer_length' must be a non-negative integer")]
    public void Bad_kwargs_and_spaces_are_refused_with_what_is_wrong(string envId, string name, string kwargsJson, string message)
    {
        using var env = Registry.Make(envId);
        var error = Assert.Throws<EnvException>(() => NativeWrappers.Apply(env, [new(name, Kwargs(kwargsJson))]));
        Assert.Equal(EnvErrorCodes.InvalidArgument, error.Code);
        Assert.StartsWith($"wrapper {name}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refusal_in_a_chain_says_where_and_on_which_space()
    {
        using var env = Registry.Make("Pendulum-v1");
        var error = Assert.Throws<EnvException>(() => NativeWrappers.Apply(env, [new("ClipAction"), new("RescaleAction", Kwargs("""{"min_action": -1, "max_action": 1}"""))]));
        Assert.Equal(
            "wrapper 2 of 2 (RescaleAction): min_action element 0 is -1 but the action space's low is -inf: an infinite bound must stay as it is",
            error.Message);
    }

    [Fact]
    public void A_second_episode_statistics_wrapper_needs_its_own_key()
    {
        using var env = Registry.Make("CartPole-v1");
        var twice = Assert.Throws<EnvException>(() => NativeWrappers.Apply(env, [new("RecordEpisodeStatistics"), new("RecordEpisodeStatistics")]));
        Assert.Contains("already writes the info key 'episode'", twice.Message, StringComparison.Ordinal);
        var wrapped = NativeWrappers.Apply(env, [new("RecordEpisodeStatistics"), new("RecordEpisodeStatistics", Kwargs("""{"stats_key": "stats"}"""))]);
        Assert.IsType<RecordEpisodeStatistics>(wrapped);
    }

    [Fact]
    public void Integer_dtypes_that_hold_the_dtype_limit_keep_an_infinite_bound_unbounded()
    {
        using var env = Registry.Make("CartPole-v1");
        var wrapped = NativeWrappers.Apply(env, [new("DtypeObservation", Kwargs("""{"dtype": "int16"}"""))]);
        Assert.Equal(
            """{"type":"Box","shape":[4],"dtype":"int16","low":[-4,"-inf",0,"-inf"],"high":[4,"inf",0,"inf"]}""",
            wrapped.ObservationSpace.DescriptionJson());
    }

    [Fact]
    public void An_image_wrapper_refuses_a_space_in_a_short_message()
    {
        using var frames = new Conformance.ImageWrappers.FramesEnv([210, 160, 3], 10);
        var error = Assert.Throws<EnvException>(() => NativeWrappers.Apply(frames, [new("DtypeObservation", Kwargs("""{"dtype": "float32"}""")), new("GrayscaleObservation")]));
        Assert.Equal(EnvErrorCodes.InvalidArgument, error.Code);
        Assert.Equal(
            "wrapper 2 of 2 (GrayscaleObservation): GrayscaleObservation needs a uint8 Box of shape (height, width, 3) with bounds 0 and 255; Frames-v0's observation space here is a float32 Box of shape (210, 160, 3)",
            error.Message);
        var resize = Assert.Throws<EnvException>(() => NativeWrappers.Apply(new ProbeEnv(new Discrete(2)), [new("ResizeObservation", Kwargs("""{"shape": [2, 2]}"""))]));
        Assert.EndsWith("Probe-v0's observation space here is Discrete", resize.Message, StringComparison.Ordinal);
    }

    internal static Dictionary<string, JsonElement> Kwargs(string json) =>
        JsonDocument.Parse(json).RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
}
