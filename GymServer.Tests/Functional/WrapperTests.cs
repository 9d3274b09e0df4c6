using System.Net;
using System.Text.Json;
using GymServer.Tests.Functional.Rest;

namespace GymServer.Tests.Functional;

/// <summary>A server with presets, as appsettings would configure them (every value a configuration string).</summary>
public sealed class PresetServerFixture : IDisposable
{
    public GymServerFactory Server { get; } = GymServerFactory.With(new Dictionary<string, string?>
    {
        ["Gym:Envs:Presets:CartPoleNorm-v1:id"] = "CartPole-v1",
        ["Gym:Envs:Presets:CartPoleNorm-v1:wrappers:0:name"] = "NormalizeObservation",
        ["Gym:Envs:Presets:ShortLake-v1:id"] = "FrozenLake-v1",
        ["Gym:Envs:Presets:ShortLake-v1:kwargs:is_slippery"] = "false",
        ["Gym:Envs:Presets:ShortLake-v1:kwargs:map_name"] = "8x8",
        ["Gym:Envs:Presets:ShortLake-v1:wrappers:0:name"] = "TimeLimit",
        ["Gym:Envs:Presets:ShortLake-v1:wrappers:0:kwargs:max_episode_steps"] = "3",
    });

    public void Dispose() => Server.Dispose();
}

/// <summary>
/// Wrappers and presets on native envs over real sockets: protocol 2's make and make_vec, protocol 1 as the C++
/// client frames it, REST; the allow-list's and the wrappers' refusals, after which the connection goes on.
/// </summary>
public sealed class WrapperTests(PresetServerFixture fixture) : IClassFixture<PresetServerFixture>
{
    private static readonly object Normalize = new[] { new { name = "NormalizeObservation" } };

    private GymServerFactory Server => fixture.Server;

    [Fact]
    public async Task MakeWithWrappersRepliesTheWrappedSpacesAndStepsAsThePresetOfTheSameChain()
    {
        await using var client = await Protocol2.ConnectAsync(Server);
        var raw = await client.SendAsync("make", new { id = "CartPole-v1" });
        var wrapped = await client.SendAsync("make", new { id = "CartPole-v1", wrappers = Normalize });
        var preset = await client.SendAsync("make", new { id = "CartPoleNorm-v1" });
        Assert.Equal("native", wrapped.GetProperty("backend").GetString());
        Assert.Equal("native", preset.GetProperty("backend").GetString());
        // NormalizeObservation's space: unbounded float32 of the env's shape.
        Assert.Equal("""{"type":"Box","shape":[4],"dtype":"float32","low":["-inf","-inf","-inf","-inf"],"high":["inf","inf","inf","inf"]}""",
            wrapped.GetProperty("observation_space").GetRawText());
        Assert.Equal(wrapped.GetProperty("observation_space").GetRawText(), preset.GetProperty("observation_space").GetRawText());
        Assert.NotEqual(raw.GetProperty("observation_space").GetRawText(), wrapped.GetProperty("observation_space").GetRawText());

        var trajectories = new List<string>();
        foreach (var made in new[] { raw, wrapped, preset })
        {
            var instance = made.GetProperty("instance").GetString()!;
            var steps = new List<string> { (await client.SendAsync("reset", new { instance, seed = 3 })).GetProperty("observation").GetRawText() };
            foreach (var action in new[] { 1, 0, 1, 1 })
            {
                steps.Add((await client.SendAsync("step", new { instance, action })).GetProperty("observation").GetRawText());
            }
            trajectories.Add(string.Join('|', steps));
        }
        Assert.NotEqual(trajectories[0], trajectories[1]);
        Assert.Equal(trajectories[1], trajectories[2]);
    }

    [Fact]
    public async Task AWrapperOffTheAllowListIsForbiddenWithTheListAndTheConnectionGoesOn()
    {
        await using var client = await Protocol2.ConnectAsync(Server);
        var refused = await client.SendAsync("make", new { id = "CartPole-v1", wrappers = new[] { new { name = "RecordVideo", kwargs = new { video_folder = "/tmp" } } } });
        Replies.AssertError(refused, "forbidden_wrapper", "wrapper 'RecordVideo' is not allowed on this server; allowed: AddRenderObservation, AtariPreprocessing, ClipAction,");
        Replies.AssertError(
            await client.SendAsync("make_vec", new { id = "CartPole-v1", num_envs = 2, wrappers = new[] { new { name = "TransformReward" } } }),
            "forbidden_wrapper", "TimeAwareObservation, TimeLimit");
        Assert.True((await client.SendAsync("make", new { id = "CartPole-v1", wrappers = Normalize })).TryGetProperty("instance", out _));
    }

    [Fact]
    public async Task BadWrapperListsAndKwargsAreRefused()
    {
        await using var client = await Protocol2.ConnectAsync(Server);
        Replies.AssertError(await client.SendAsync("make", new { id = "CartPole-v1", wrappers = new { name = "ClipReward" } }),
            "invalid_request", "make.wrappers must be a list");
        Replies.AssertError(await client.SendAsync("make", new { id = "CartPole-v1", wrappers = new[] { new { kwargs = new { } } } }),
            "invalid_request", "make.wrappers[0] needs a name");
        Replies.AssertError(
            await client.SendAsync("make", new { id = "CartPole-v1", wrappers = new object[] { new { name = "ClipReward", kwargs = new { min_reward = 0 } }, new { name = "FrameStackObservation", kwargs = new { stack_size = 0 } } } }),
            "invalid_argument", "wrapper 2 of 2 (FrameStackObservation): ");
        Replies.AssertError(
            await client.SendAsync("make", new { id = "CartPole-v1", wrappers = new[] { new { name = "NormalizeObservation", kwargs = new { epsilon_typo = 1 } } } }),
            "invalid_argument", "wrapper NormalizeObservation: ");
        // A wrapper only Gymnasium has, on a native env, with no Python backend on this server: a clear error.
        Replies.AssertError(await client.SendAsync("make", new { id = "CartPole-v1", wrappers = new[] { new { name = "ReshapeObservation", kwargs = new { shape = new[] { 4 } } } } }),
            "unknown_wrapper", "CartPole-v1: the native backend has no ReshapeObservation wrapper, and no other backend that serves CartPole-v1 is available here");
        // A native image wrapper on an env without images: the space it needs.
        Replies.AssertError(await client.SendAsync("make", new { id = "CartPole-v1", wrappers = new[] { new { name = "GrayscaleObservation" } } }),
            "invalid_argument", "GrayscaleObservation needs a uint8 Box of shape (height, width, 3) with bounds 0 and 255; CartPole-v1's observation space here is");
        Assert.True((await client.SendAsync("make", new { id = "ShortLake-v1" })).TryGetProperty("instance", out _));
    }

    [Fact]
    public async Task MakeVecWrapsEverySubEnv()
    {
        await using var client = await Protocol2.ConnectAsync(Server);
        var made = await client.SendAsync("make_vec", new
        {
            id = "CartPole-v1",
            num_envs = 3,
            wrappers = new[] { new { name = "FrameStackObservation", kwargs = new { stack_size = 2 } } },
        });
        Assert.Equal("[2,4]", made.GetProperty("single_observation_space").GetProperty("shape").GetRawText());
        var instance = made.GetProperty("instance").GetString()!;
        var reset = await client.SendAsync("reset_vec", new { instance, seed = 1 });
        var observations = reset.GetProperty("observations");
        Assert.Equal(3, observations.GetArrayLength());
        foreach (var observation in observations.EnumerateArray())
        {
            // Gymnasium's FrameStackObservation pads with the reset observation: both frames equal after a reset.
            Assert.Equal(2, observation.GetArrayLength());
            Assert.Equal(observation[0].GetRawText(), observation[1].GetRawText());
        }
        var step = await client.SendAsync("step_vec", new { instance, actions = new[] { 1, 0, 1 } });
        foreach (var (observation, index) in step.GetProperty("observations").EnumerateArray().Select((value, index) => (value, index)))
        {
            Assert.Equal(observations[index][1].GetRawText(), observation[0].GetRawText());
            Assert.NotEqual(observation[0].GetRawText(), observation[1].GetRawText());
        }
    }

    [Fact]
    public async Task PresetsAreListedWithTheirDefinitionAndWrappedSpaces()
    {
        await using var client = await Protocol2.ConnectAsync(Server);
        var envs = (await client.SendAsync("list_envs", new { })).GetProperty("envs").EnumerateArray().ToList();
        var preset = Assert.Single(envs, env => env.GetProperty("id").GetString() == "CartPoleNorm-v1");
        Assert.Equal("native", preset.GetProperty("backend").GetString());
        Assert.Equal("""{"id":"CartPole-v1","wrappers":[{"name":"NormalizeObservation"}]}""", preset.GetProperty("preset").GetRawText());
        Assert.Equal("\"-inf\"", preset.GetProperty("observation_space").GetProperty("low")[0].GetRawText());
        var lake = Assert.Single(envs, env => env.GetProperty("id").GetString() == "ShortLake-v1");
        Assert.Equal("""{"id":"FrozenLake-v1","kwargs":{"is_slippery":false,"map_name":"8x8"},"wrappers":[{"name":"TimeLimit","kwargs":{"max_episode_steps":3}}]}""",
            lake.GetProperty("preset").GetRawText());
        Assert.Equal("""{"type":"Discrete","n":64,"start":0}""", lake.GetProperty("observation_space").GetRawText());
        Assert.DoesNotContain(envs, env => env.GetProperty("id").GetString() == "CartPole-v1" && env.TryGetProperty("preset", out _));
    }

    [Fact]
    public async Task APresetWorksOverProtocol1AsTheCppClientFramesIt()
    {
        await using var client = await Server.ConnectAsync();
        var instance = await client.RequestAsync("{\"env\":{\"name\": \"ShortLake-v1\"}}");
        Assert.Matches("^[0-9a-f]{13}$", instance.GetProperty("instance").GetString()!);
        var observationSpace = await client.RequestAsync("{\"env\":{\"action\": \"observationspace\"}}");
        Assert.Equal("{\"info\":{\"name\":\"Discrete\",\"n\":64}}", observationSpace.GetRawText());
        var reset = await client.RequestAsync("{\"env\":{\"action\": \"reset\"}}");
        Assert.Equal(0, reset.GetProperty("observation").GetInt32());
        // Left from the corner of a non-slippery lake stays put: only the preset's TimeLimit(3) ends the episode.
        var done = new List<bool>();
        for (var i = 0; i < 3; i++)
        {
            done.Add((await client.RequestAsync("{\"step\":{\"action\":0, \"render\":0}}")).GetProperty("done").GetBoolean());
        }
        Assert.Equal([false, false, true], done);
    }

    [Fact]
    public async Task RestCreatesPresetsAndTakesWrappers()
    {
        using var rest = new RestTestClient(Server.HttpAddress);
        var preset = await rest.CreateAsync("ShortLake-v1");
        var (_, space) = await rest.GetAsync($"/v1/envs/{preset}/observation_space/");
        Assert.Equal(64, space.GetProperty("info").GetProperty("n").GetInt32());

        var (status, created) = await rest.PostAsync("/v1/envs/", new
        {
            env_id = "CartPole-v1",
            wrappers = new[] { new { name = "FrameStackObservation", kwargs = new { stack_size = 3 } } },
        });
        Assert.Equal(HttpStatusCode.OK, status);
        var stacked = created.GetProperty("instance_id").GetString()!;
        Assert.Equal("[3,4]", (await rest.GetAsync($"/v1/envs/{stacked}/observation_space/")).Body.GetProperty("info").GetProperty("shape").GetRawText());

        var (forbiddenStatus, forbidden) = await rest.PostAsync("/v1/envs/", new { env_id = "CartPole-v1", wrappers = new[] { new { name = "HumanRendering" } } });
        Assert.Equal(HttpStatusCode.BadRequest, forbiddenStatus);
        Assert.StartsWith("wrapper 'HumanRendering' is not allowed on this server; allowed: ", forbidden.GetProperty("message").GetString(), StringComparison.Ordinal);
        var (badStatus, bad) = await rest.PostAsync("/v1/envs/", new { env_id = "CartPole-v1", wrappers = "ClipReward" });
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.Contains("wrappers must be a list", bad.GetProperty("message").GetString(), StringComparison.Ordinal);
        await rest.PostAsync($"/v1/envs/{preset}/close/");
        await rest.PostAsync($"/v1/envs/{stacked}/close/");
    }
}
