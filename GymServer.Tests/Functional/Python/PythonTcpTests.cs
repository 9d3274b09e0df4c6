using System.Diagnostics;
using System.Text.Json;
using GymServer.Engine.Python;
using Microsoft.Extensions.DependencyInjection;

namespace GymServer.Tests.Functional.Python;

/// <summary>
/// Python envs over the real TCP protocol: the host as Program.cs builds it, with real worker processes on the fake
/// gymnasium, driven by a socket client as the C++ client drives it.
/// </summary>
[Collection(PythonWorkersCollection.Name)]
public sealed class PythonTcpTests
{
    private static GymServerFactory StartServer(int workers = 2) => GymServerFactory.With(new Dictionary<string, string?>
    {
        ["Gym:Python:Workers"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Gym:Python:Executable"] = PythonTestPool.Interpreter,
        ["Gym:Python:PythonPath:0"] = PythonTestPool.FakeGymDirectory,
        ["Gym:Python:Imports:0"] = "gymserver_testenvs",
        ["Gym:Python:AllowedModules:0"] = "gymserver_userenv",
        ["Gym:Python:RestartBackoff"] = "00:00:00.1",
    });

    [Fact]
    public async Task ListEnvsListsPythonIdsThatCannotBeMadeApartWithTheirError()
    {
        await using var server = StartServer();
        await using var client = await Protocol2.ConnectAsync(server);
        var reply = await client.SendAsync("list_envs", new { });

        // A Text observation has no byte layout: that id is listed apart; the others keep their spaces.
        var all = reply.GetProperty("envs").EnumerateArray().ToList();
        Assert.Contains(all, env => env.GetProperty("id").GetString() == "CartPole-v1" && env.GetProperty("backend").GetString() == "native");
        var envs = all.Where(env => env.GetProperty("backend").GetString() == "python").ToDictionary(env => env.GetProperty("id").GetString()!);
        Assert.Contains("GymServerTest/Countdown-v0", envs.Keys);
        Assert.Contains("Box", envs["GymServerTest/Image-v0"].GetProperty("observation_space").GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("GymServerTest/TextObs-v0", envs.Keys);
        var unavailable = reply.GetProperty("unavailable").EnumerateArray().ToDictionary(env => env.GetProperty("id").GetString()!);
        var text = unavailable["GymServerTest/TextObs-v0"];
        Assert.Equal("python", text.GetProperty("backend").GetString());
        Assert.Equal("unsupported_space", text.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(text.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task ImageEnvMakeResetStepSampleSpacesClose()
    {
        await using var server = StartServer();
        Assert.Equal(PythonPoolState.Ready, server.Services.GetRequiredService<PythonWorkerPool>().State);
        await using var client = await server.ConnectAsync();
        var made = await client.RequestAsync("""{"env":{"name":"GymServerTest/Image-v0"}}""");
        Assert.Equal(13, made.GetProperty("instance").GetString()!.Length);

        await client.SendAsync("""{"env":{"seed":"5"}}""");
        var reset = await client.RequestAsync("""{"env":{"action":"reset"}}""");
        var image = reset.GetProperty("observation");
        Assert.Equal(84, image.GetArrayLength());
        Assert.Equal(3, image[0][0].GetArrayLength());
        await client.SendAsync("""{"env":{"seed":"5"}}""");
        var again = await client.RequestAsync("""{"env":{"action":"reset"}}""");
        Assert.Equal(reset.GetRawText(), again.GetRawText());

        var step = await client.RequestAsync("""{"step":{"action":2,"render":0}}""");
        Assert.Equal(1.0, step.GetProperty("reward").GetDouble());
        Assert.False(step.GetProperty("done").GetBoolean());
        Assert.Equal(1, step.GetProperty("info").GetProperty("step").GetInt32());

        var observationSpace = await client.RequestAsync("""{"env":{"action":"observationspace"}}""");
        Assert.Contains("Box", observationSpace.GetRawText());
        var actionSpace = await client.RequestAsync("""{"env":{"action":"actionspace"}}""");
        Assert.Contains("Discrete", actionSpace.GetRawText());
        var sample = await client.RequestAsync("""{"env":{"actionspace":"sample"}}""");
        Assert.InRange(sample.GetProperty("sample").GetInt64(), 0, 3);

        await client.SendAsync("""{"env":{"action":"close"}}""");
        // Close has no reply; the connection handles requests in order, so once the next reply is here it is done.
        var afterClose = await client.RequestAsync("""{"env":{"action":"reset"}}""");
        Replies.AssertError(afterClose, "no_env", "");
        Assert.Equal(0, server.Services.GetRequiredService<PythonWorkerPool>().GetStatus().Envs);
    }

    [Fact]
    public async Task DictObservationsTravelAsObjects()
    {
        await using var server = StartServer(workers: 1);
        await using var client = await server.ConnectAsync();
        await client.RequestAsync("""{"env":{"name":"GymServerTest/Dict-v0"}}""");
        var reset = await client.RequestAsync("""{"env":{"action":"reset"}}""");
        var observation = reset.GetProperty("observation");
        Assert.Equal(JsonValueKind.Object, observation.ValueKind);
        Assert.Equal("[[1,2],[3,4]]", observation.GetProperty("grid").GetRawText());
        var step = await client.RequestAsync("""{"step":{"action":[1,[0.5],[2,3]],"render":0}}""");
        Assert.Equal(123.5, step.GetProperty("reward").GetDouble());
        Assert.Equal("\"nan\"", step.GetProperty("info").GetProperty("nan").GetRawText());
    }

    [Fact]
    public async Task EnvErrorsComeBackAsErrorRepliesAndTheConnectionGoesOn()
    {
        await using var server = StartServer(workers: 1);
        await using var client = await server.ConnectAsync();
        Replies.AssertError(await client.RequestAsync("""{"env":{"name":"os:Evil-v0"}}"""), "forbidden_env", "'os'");
        await client.RequestAsync("""{"env":{"name":"GymServerTest/Raising-v0"}}""");
        await client.RequestAsync("""{"env":{"action":"reset"}}""");
        Replies.AssertError(await client.RequestAsync("""{"step":{"action":1,"render":0}}"""), "env_error", "step exploded on purpose");
        var step = await client.RequestAsync("""{"step":{"action":0,"render":0}}""");
        // The env returns a Python int: written as json.dumps writes it, not as 1.0.
        Assert.Equal("1", step.GetProperty("reward").GetRawText());
        await client.RequestAsync("""{"env":{"name":"gymserver_userenv:UserEnv-v0"}}""");
        await client.RequestAsync("""{"env":{"action":"reset"}}""");
        Assert.Equal(1, (await client.RequestAsync("""{"step":{"action":0,"render":0}}""")).GetProperty("observation").GetInt32());
        // A native id stays native; the python: prefix picks the worker's env of the same id.
        await client.RequestAsync("""{"env":{"name":"python:CartPole-v1"}}""");
        Assert.Equal(4, (await client.RequestAsync("""{"env":{"action":"reset"}}""")).GetProperty("observation").GetArrayLength());
        Assert.Equal("1.0", (await client.RequestAsync("""{"step":{"action":0,"render":0}}""")).GetProperty("reward").GetRawText());
    }

    [Fact]
    public async Task KilledWorkerGivesItsClientsWorkerLostAndOthersGoOn()
    {
        await using var server = StartServer(workers: 2);
        var pool = server.Services.GetRequiredService<PythonWorkerPool>();
        await using var first = await server.ConnectAsync();
        await using var second = await server.ConnectAsync();
        await first.RequestAsync("""{"env":{"name":"python:CartPole-v1"}}""");
        await second.RequestAsync("""{"env":{"name":"python:CartPole-v1"}}""");
        await first.RequestAsync("""{"env":{"action":"reset"}}""");
        await second.RequestAsync("""{"env":{"action":"reset"}}""");
        var status = pool.GetStatus();
        Assert.All(status.Workers, worker => Assert.Equal(1, worker.Envs));

        // The first connection's env went to the first worker (least-loaded, lowest slot on a tie).
        Process.GetProcessById(status.Workers[0].Pid!.Value).Kill();
        Replies.AssertError(await first.RequestAsync("""{"step":{"action":0,"render":0}}"""), "worker_lost", "killed by signal 9");
        for (var i = 0; i < 5; i++)
        {
            Assert.True((await second.RequestAsync("""{"step":{"action":1,"render":0}}""")).TryGetProperty("reward", out _));
        }
        await pool.WaitForReadyWorkersAsync(2, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        await first.RequestAsync("""{"env":{"name":"python:CartPole-v1"}}""");
        Assert.True((await first.RequestAsync("""{"env":{"action":"reset"}}""")).TryGetProperty("observation", out _));
    }

    [Fact]
    public async Task MissingPythonLeavesNativeEnvsServing()
    {
        await using var server = GymServerFactory.With(new Dictionary<string, string?>
        {
            ["Gym:Python:Workers"] = "2",
            ["Gym:Python:Executable"] = "/nonexistent/python3",
        });
        Assert.Equal(PythonPoolState.Unavailable, server.Services.GetRequiredService<PythonWorkerPool>().State);
        await using var client = await server.ConnectAsync();
        Replies.AssertError(await client.RequestAsync("""{"env":{"name":"GymServerTest/Image-v0"}}"""), "unknown_env", "GymServerTest/Image-v0");
        await client.RequestAsync("""{"env":{"name":"CartPole-v1"}}""");
        await client.RequestAsync("""{"env":{"action":"reset"}}""");
        Assert.Equal(1.0, (await client.RequestAsync("""{"step":{"action":1,"render":0}}""")).GetProperty("reward").GetDouble());
        using var http = new HttpClient { BaseAddress = server.HttpAddress };
        using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.StartsWith("Degraded\npython: Python envs unavailable: cannot run the Python interpreter", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
