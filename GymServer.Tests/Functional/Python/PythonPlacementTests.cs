using GymServer.Engine.Environments;
using GymServer.Engine.Python;
using GymServer.Protocol;
using GymServer.Protocol.Values;

namespace GymServer.Tests.Functional.Python;

/// <summary>Least-loaded placement: many envs spread evenly, limits respected, room freed by close.</summary>
[Collection(PythonWorkersCollection.Name)]
public sealed class PythonPlacementTests
{
    [Fact]
    public async Task HundredEnvsSpreadEvenlyOverFourWorkersAndAllStep()
    {
        await using var pool = await PythonTestPool.StartAsync(workers: 4);
        var envs = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => pool.MakeAsync("CartPole-v1")));
        var status = pool.Pool.GetStatus();
        Assert.All(status.Workers, worker => Assert.Equal(25, worker.Envs));
        Assert.Equal(4, envs.Select(env => env.WorkerPid).Distinct().Count());

        var results = await Task.WhenAll(envs.Select(async (env, i) =>
        {
            var observation = new byte[env.ObservationSpace.ByteSize];
            var info = new EnvInfo();
            await env.ResetAsync(i, null, observation, info, CancellationToken.None);
            var result = await env.StepAsync(PythonEnvErrorTests.Action(i % 2), observation, info, CancellationToken.None);
            Assert.True(env.ObservationSpace.Contains(observation));
            return result;
        }));
        Assert.All(results, result => Assert.Equal(1.0, result.Reward));

        await Task.WhenAll(envs.Select(env => env.DisposeAsync().AsTask()));
        Assert.Equal(0, pool.Pool.GetStatus().Envs);
    }

    [Fact]
    public async Task FullPoolRefusesAndCloseMakesRoom()
    {
        var options = PythonTestPool.Options(workers: 2);
        options.MaxEnvsPerWorker = 2;
        await using var pool = await PythonTestPool.StartAsync(options);
        var envs = new List<PythonEnvInstance>();
        for (var i = 0; i < 4; i++)
        {
            envs.Add(await pool.MakeAsync("CartPole-v1"));
        }
        var full = await Assert.ThrowsAsync<EnvException>(async () => await pool.MakeAsync("CartPole-v1"));
        Assert.Equal(EnvErrorCodes.PoolFull, full.Code);
        var slot = envs[3].WorkerSlot;
        await envs[3].DisposeAsync();
        await using var placed = await pool.MakeAsync("CartPole-v1");
        Assert.Equal(slot, placed.WorkerSlot);
        foreach (var env in envs)
        {
            await env.DisposeAsync();
        }
    }
}
