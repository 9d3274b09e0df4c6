using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using GymServer.Engine.Admission;
using GymServer.Engine.Environments;
using GymServer.Engine.Python;
using GymServer.Engine.Sessions;
using GymServer.Engine.Spaces;
using GymServer.Protocol;
using GymServer.Protocol.Values;
using GymServer.Tests.Functional.Binary;
using Microsoft.Extensions.DependencyInjection;

namespace GymServer.Tests.Functional.Python;

/// <summary>
/// A vector env's sub-envs on one worker reset and step in one batch request per vector step (worker protocol
/// command 11): what they give is what the same envs give called one by one, autoreset included; a worker lost in
/// the middle of a batch fails the vector step and frees its sub-envs' slots.
/// </summary>
[Collection(PythonWorkersCollection.Name)]
public sealed class PythonVectorBatchTests
{
    [Theory]
    [InlineData("GymServerTest/Image-v0", 4, 60)] // observations through shared memory; episodes end after 50 steps
    [InlineData("GymServerTest/Countdown-v0", 2, 16)] // observations on the pipe; terminated or truncated within 5 steps
    public async Task BatchedSubEnvsGiveWhatTheSameEnvsGiveOneByOne(string id, int actions, int steps)
    {
        var options = PythonTestPool.Options(workers: 2);
        options.VectorSpread = 2;
        await using var pool = await PythonTestPool.StartAsync(options);
        await pool.WaitForWorkersAsync(2);
        await using var session = new Session(new EnvCatalog([pool.Provider], new EnvCatalogOptions { PreferredBackend = "python" }), ClientAdmission.WithoutNode(16));
        var vector = await session.OpenVectorAsync(id, 4, null, CancellationToken.None);
        // Two sub-envs on each worker, each pair one batch.
        var batches = vector.Envs.Select(env => env.Instance.CallBatch).ToList();
        Assert.All(batches, Assert.NotNull);
        Assert.Equal(2, batches.Distinct().Count());
        Assert.Equal(2, vector.Envs.Select(env => ((PythonEnvInstance)env.Instance).WorkerPid).Distinct().Count());

        var alone = new List<PythonEnvInstance>();
        for (var i = 0; i < 4; i++)
        {
            alone.Add(await pool.MakeAsync(id));
        }
        try
        {
            var size = vector.Envs[0].ObservationSpace.ByteSize;
            var observations = alone.Select(_ => new byte[size]).ToArray();
            var infos = alone.Select(_ => new EnvInfo()).ToArray();
            await vector.ResetAsync(5, null, CancellationToken.None);
            for (var i = 0; i < 4; i++)
            {
                await alone[i].ResetAsync(5 + i, null, observations[i], infos[i], CancellationToken.None);
            }
            AssertSame(vector, observations, infos);

            // Gymnasium's next-step autoreset by hand: the step after an episode's end resets that env instead.
            var done = new bool[4];
            var episodesEnded = 0;
            var action = new byte[8];
            for (var step = 0; step < steps; step++)
            {
                for (var i = 0; i < 4; i++)
                {
                    Discrete.Write(vector.Envs[i].Action, (step + i) % actions);
                }
                await vector.StepAsync(CancellationToken.None);
                for (var i = 0; i < 4; i++)
                {
                    StepResult expected;
                    if (done[i])
                    {
                        await alone[i].ResetAsync(null, null, observations[i], infos[i], CancellationToken.None);
                        expected = new StepResult(0.0, Terminated: false, Truncated: false);
                    }
                    else
                    {
                        Discrete.Write(action, (step + i) % actions);
                        expected = await alone[i].StepAsync(action, observations[i], infos[i], CancellationToken.None);
                    }
                    Assert.Equal(expected, vector.Results[i]);
                    done[i] = expected.Done;
                    episodesEnded += expected.Done ? 1 : 0;
                }
                AssertSame(vector, observations, infos);
            }
            Assert.True(episodesEnded >= 4, $"only {episodesEnded} episodes ended: autoreset was not exercised");
        }
        finally
        {
            foreach (var env in alone)
            {
                await env.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task AWorkerKilledDuringABatchFailsTheVectorStepWithWorkerLost()
    {
        var options = PythonTestPool.Options(workers: 2);
        options.VectorSpread = 2;
        await using var pool = await PythonTestPool.StartAsync(options);
        await pool.WaitForWorkersAsync(2);
        await using var session = new Session(new EnvCatalog([pool.Provider], new EnvCatalogOptions { PreferredBackend = "python" }), ClientAdmission.WithoutNode(16));
        var vector = await session.OpenVectorAsync("GymServerTest/Hanging-v0", 4, null, CancellationToken.None);
        await vector.ResetAsync(1, null, CancellationToken.None);
        var victim = (PythonEnvInstance)vector.Envs[0].Instance;
        var survivors = vector.Envs.Where(env => ((PythonEnvInstance)env.Instance).WorkerPid != victim.WorkerPid).ToList();
        Assert.Equal(2, survivors.Count);

        // Sub-env 0's step (action 1) never returns: its worker's batch hangs until the worker is killed.
        Discrete.Write(vector.Envs[0].Action, 1);
        var step = vector.StepAsync(CancellationToken.None).AsTask();
        Process.GetProcessById(victim.WorkerPid).Kill();
        var lost = await Assert.ThrowsAsync<EnvException>(() => step);
        Assert.Equal(EnvErrorCodes.WorkerLost, lost.Code);

        // The other worker's sub-envs stepped and go on stepping alone.
        foreach (var env in survivors)
        {
            var (result, _) = await env.StepAsync(CancellationToken.None);
            Assert.False(result.Done);
        }
        var again = await Assert.ThrowsAsync<EnvException>(async () => await vector.StepAsync(CancellationToken.None));
        Assert.Equal(EnvErrorCodes.WorkerLost, again.Code);
    }

    [Fact]
    public async Task OverTcpAKilledWorkerGivesAStepVecErrorFrameAndFreesItsSubEnvsSlots()
    {
        await using var server = GymServerFactory.With(new Dictionary<string, string?>
        {
            ["Gym:Python:Workers"] = "2",
            ["Gym:Python:VectorSpread"] = "2",
            ["Gym:Python:Executable"] = PythonTestPool.Interpreter,
            ["Gym:Python:PythonPath:0"] = PythonTestPool.FakeGymDirectory,
            ["Gym:Python:Imports:0"] = "gymserver_testenvs",
            ["Gym:Python:RestartBackoff"] = "00:00:00.1",
        });
        var pool = server.Services.GetRequiredService<PythonWorkerPool>();
        await pool.WaitForReadyWorkersAsync(2, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        await using var client = await BinaryWireClient.ConnectAsync(server.TcpPort, "binary");
        var made = await client.RequestAsync(JsonSerializer.Serialize(new { make_vec = new { id = "GymServerTest/Image-v0", num_envs = 4 } }));
        var vector = made.GetProperty("instance").GetString()!;
        await client.RequestAsync(JsonSerializer.Serialize(new { reset_vec = new { instance = vector, seed = 3 } }));
        var actions = new byte[4 * 8];
        var first = await client.StepVecAsync(vector, actions);
        Assert.Equal(4, first.Count);
        Assert.Equal(4, pool.SharedMemoryStatus.Slots);

        Process.GetProcessById(pool.GetStatus().Workers.First(worker => worker.Envs == 2).Pid!.Value).Kill();
        await client.SendStepVecAsync(vector, actions);
        var (type, payload) = await client.ReadFrameAsync();
        Assert.Equal(0x7F, type);
        var error = JsonDocument.Parse(payload).RootElement.GetProperty("error");
        Assert.Equal("worker_lost", error.GetProperty("code").GetString());
        // The lost worker's two slots went with it; the other worker's two stay until the vector closes.
        await pool.WaitForReadyWorkersAsync(2, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(2, pool.SharedMemoryStatus.Slots);
        Assert.Equal("{\"ok\":true}", (await client.RequestAsync($"{{\"close\":{{\"instance\":\"{vector}\"}}}}")).GetRawText());
        Assert.Equal(0, pool.SharedMemoryStatus.Slots);
        Assert.Equal(0, pool.SharedMemoryStatus.UsedBytes);
    }

    private static void AssertSame(VectorEnv vector, byte[][] observations, EnvInfo[] infos)
    {
        for (var i = 0; i < observations.Length; i++)
        {
            Assert.Equal(observations[i], vector.Envs[i].Observation.ToArray());
            Assert.Equal(Json(infos[i]), Json(vector.Envs[i].Info));
        }
    }

    private static string Json(EnvInfo info)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            info.WriteTo(writer);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
