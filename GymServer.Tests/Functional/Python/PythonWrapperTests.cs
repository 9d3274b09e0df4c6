namespace GymServer.Tests.Functional.Python;

/// <summary>
/// Wrappers on Python envs over real sockets: the host as Program.cs builds it, real worker processes on the fake
/// gymnasium applying its wrapper classes, a native env sent to the Python backend for a wrapper only Gymnasium has,
/// vectors and presets of Python envs (make_vec and protocol 1).
/// </summary>
[Collection(PythonWorkersCollection.Name)]
public sealed class PythonWrapperTests
{
    private static readonly object[] AtariChain =
    [
        new { name = "MaxAndSkipObservation", kwargs = new { skip = 2 } },
        new { name = "GrayscaleObservation" },
        new { name = "ResizeObservation", kwargs = new { shape = new[] { 42, 42 } } },
        new { name = "FrameStackObservation", kwargs = new { stack_size = 4 } },
    ];

    private static GymServerFactory StartServer() => GymServerFactory.With(new Dictionary<string, string?>
    {
        ["Gym:Python:Workers"] = "2",
        ["Gym:Python:Executable"] = PythonTestPool.Interpreter,
        ["Gym:Python:PythonPath:0"] = PythonTestPool.FakeGymDirectory,
        ["Gym:Python:Imports:0"] = "gymserver_testenvs",
        ["Gym:Envs:Presets:SmallImage-v0:id"] = "GymServerTest/Image-v0",
        ["Gym:Envs:Presets:SmallImage-v0:wrappers:0:name"] = "GrayscaleObservation",
        ["Gym:Envs:Presets:SmallImage-v0:wrappers:1:name"] = "ResizeObservation",
        ["Gym:Envs:Presets:SmallImage-v0:wrappers:1:kwargs:shape:0"] = "21",
        ["Gym:Envs:Presets:SmallImage-v0:wrappers:1:kwargs:shape:1"] = "21",
    });

    [Fact]
    public async Task TheAtariChainRunsInTheWorkerAndTheReplyHasItsSpaces()
    {
        await using var server = StartServer();
        await using var client = await Protocol2.ConnectAsync(server);
        var made = await client.SendAsync("make", new { id = "GymServerTest/Image-v0", wrappers = AtariChain });
        Assert.Equal("python", made.GetProperty("backend").GetString());
        var space = made.GetProperty("observation_space");
        Assert.Equal("[4,42,42]", space.GetProperty("shape").GetRawText());
        Assert.Equal("uint8", space.GetProperty("dtype").GetString());
        var instance = made.GetProperty("instance").GetString()!;

        var reset = (await client.SendAsync("reset", new { instance, seed = 4 })).GetProperty("observation");
        Assert.Equal(4, reset.GetArrayLength());
        Assert.Equal(reset[0].GetRawText(), reset[3].GetRawText());
        var step = await client.SendAsync("step", new { instance, action = 3 });
        // Two of the env's steps of reward 1.5, summed by MaxAndSkipObservation.
        Assert.Equal(3.0, step.GetProperty("reward").GetDouble());
        Assert.Equal(reset[3].GetRawText(), step.GetProperty("observation")[2].GetRawText());

        // The worker's refusal of the wrapper's arguments comes back as the client's error; the connection goes on.
        var refused = await client.SendAsync("make", new
        {
            id = "GymServerTest/Image-v0",
            wrappers = new[] { new { name = "ResizeObservation", kwargs = new { shape = new[] { 0, 5 } } } },
        });
        Replies.AssertError(refused, "invalid_argument", "wrapper ResizeObservation: ValueError");
        Replies.AssertError(
            await client.SendAsync("make", new { id = "GymServerTest/Image-v0", wrappers = new[] { new { name = "TransformObservation" } } }),
            "forbidden_wrapper", "allowed: ");
        Assert.Equal(3.0, (await client.SendAsync("step", new { instance, action = 3 })).GetProperty("reward").GetDouble());
    }

    [Fact]
    public async Task ANativeEnvWithAWrapperOnlyGymnasiumHasIsMadeByTheWorkers()
    {
        await using var server = StartServer();
        await using var client = await Protocol2.ConnectAsync(server);
        var made = await client.SendAsync("make", new
        {
            id = "CartPole-v1",
            wrappers = new object[] { new { name = "ClipReward", kwargs = new { max_reward = 0.5 } }, new { name = "ReshapeObservation", kwargs = new { shape = new[] { 2, 2 } } } },
        });
        Assert.Equal("python", made.GetProperty("backend").GetString());
        Assert.Equal("[2,2]", made.GetProperty("observation_space").GetProperty("shape").GetRawText());
        var instance = made.GetProperty("instance").GetString()!;
        await client.SendAsync("reset", new { instance, seed = 0 });
        var step = await client.SendAsync("step", new { instance, action = 1 });
        Assert.Equal(0.5, step.GetProperty("reward").GetDouble());
        Assert.Equal(2, step.GetProperty("observation").GetArrayLength());

        // Native wrappers alone keep the native env.
        Assert.Equal("native", (await client.SendAsync("make", new { id = "CartPole-v1", wrappers = new[] { new { name = "ClipReward", kwargs = new { max_reward = 0.5 } } } }))
            .GetProperty("backend").GetString());
        // A prefix keeps the backend it names.
        Replies.AssertError(
            await client.SendAsync("make", new { id = "native:CartPole-v1", wrappers = new[] { new { name = "ReshapeObservation", kwargs = new { shape = new[] { 4 } } } } }),
            "unknown_wrapper", "the native: prefix keeps it on that backend");
    }

    [Fact]
    public async Task VectorsOfPythonEnvsWrapEverySubEnvAndPresetsOfThemWorkOverBothProtocols()
    {
        await using var server = StartServer();
        await using var client = await Protocol2.ConnectAsync(server);
        var made = await client.SendAsync("make_vec", new { id = "GymServerTest/Image-v0", num_envs = 2, wrappers = AtariChain });
        Assert.Equal("[4,42,42]", made.GetProperty("single_observation_space").GetProperty("shape").GetRawText());
        var instance = made.GetProperty("instance").GetString()!;
        var reset = await client.SendAsync("reset_vec", new { instance, seed = 9 });
        Assert.Equal(2, reset.GetProperty("observations").GetArrayLength());
        var step = await client.SendAsync("step_vec", new { instance, actions = new[] { 1, 2 } });
        // Actions 1 and 2 give 0.5 and 1.0 a step in the env; MaxAndSkipObservation(2) sums two steps each.
        Assert.Equal([1.0, 2.0], step.GetProperty("rewards").EnumerateArray().Select(reward => reward.GetDouble()));

        var preset = await client.SendAsync("make_vec", new { id = "SmallImage-v0", num_envs = 2 });
        Assert.Equal("python", preset.GetProperty("backend").GetString());
        Assert.Equal("[21,21]", preset.GetProperty("single_observation_space").GetProperty("shape").GetRawText());

        // The same preset over protocol 1, which can only name it.
        await using var old = await server.ConnectAsync();
        await old.RequestAsync("{\"env\":{\"name\": \"SmallImage-v0\"}}");
        var observation = (await old.RequestAsync("{\"env\":{\"action\": \"reset\"}}")).GetProperty("observation");
        Assert.Equal(21, observation.GetArrayLength());
        Assert.Equal(21, observation[0].GetArrayLength());
    }
}
