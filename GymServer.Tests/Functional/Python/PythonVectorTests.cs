using System.Text.Json;
using GymServer.Engine.Admission;
using GymServer.Engine.Python;
using GymServer.Engine.Sessions;
using GymServer.Protocol;

namespace GymServer.Tests.Functional.Python;

/// <summary>
/// A vector env of a Python env: its sub-envs spread over the workers (Gym:Python:VectorSpread), stepping in parallel,
/// their observations in one contiguous batch.
/// </summary>
[Collection(PythonWorkersCollection.Name)]
public sealed class PythonVectorTests
{
    [Fact]
    public async Task SubEnvsOnEveryWorkerStepAtTheSameTime()
    {
        // Every worker (spread 0), not the default's as many as the machine has processors.
        var options = PythonTestPool.Options(workers: 4);
        options.VectorSpread = 0;
        await using var pool = await PythonTestPool.StartAsync(options);
        var rendezvous = Directory.CreateTempSubdirectory("gym-rendezvous-");
        try
        {
            // Each step of this env returns only once all 4 sub-envs are inside a step: one after another, they fail.
            var kwargs = new Dictionary<string, JsonElement>
            {
                ["directory"] = JsonSerializer.SerializeToElement(rendezvous.FullName),
                ["parties"] = JsonSerializer.SerializeToElement(4),
            };
            await using var session = new Session(new EnvCatalog([pool.Provider], new EnvCatalogOptions { PreferredBackend = "python" }), ClientAdmission.WithoutNode(8));
            var vector = await session.OpenVectorAsync("GymServerTest/Rendezvous-v0", 4, kwargs, CancellationToken.None);
            var instances = vector.Envs.Select(env => (PythonEnvInstance)env.Instance).ToList();
            Assert.Equal(4, instances.Select(instance => instance.WorkerPid).Distinct().Count());
            Assert.All(instances, instance => Assert.True(instance.ObservationsShared));

            await vector.ResetAsync(0, null, CancellationToken.None);
            for (var round = 1; round <= 3; round++)
            {
                await vector.StepAsync(CancellationToken.None);
                Assert.All(vector.Results.ToArray(), result => Assert.Equal(1.0, result.Reward));
                // A binary reply takes the 4 observations one after another, each 64x64 bytes of the round number,
                // straight from the workers' shared memory: the session's batch still holds the last ones read.
                var reply = new byte[4 * 64 * 64];
                vector.CopyObservationsTo(reply);
                Assert.All(reply, value => Assert.Equal(round, value));
                Assert.Equal(4 * 64 * 64, vector.ObservationBatch.Length);
                Assert.All(vector.ObservationBatch.ToArray(), value => Assert.Equal(round - 1, value));
                // Reading them (as JSON replies do) loads them into the batch.
                _ = vector.Observations;
                Assert.Equal(reply, vector.ObservationBatch.ToArray());
                for (var i = 0; i < 4; i++)
                {
                    Assert.True(vector.ObservationBatch.Span.Slice(i * 4096, 4096).SequenceEqual(vector.Envs[i].Observation));
                }
            }
        }
        finally
        {
            rendezvous.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(0, 4, new[] { 1, 1, 1, 1 })]
    [InlineData(0, 6, new[] { 2, 2, 1, 1 })]
    [InlineData(1, 4, new[] { 4 })]
    [InlineData(2, 4, new[] { 2, 2 })]
    public async Task VectorSpreadSaysHowManyWorkersTheSubEnvsShare(int spread, int count, int[] perWorker) =>
        Assert.Equal(perWorker, await SubEnvsPerWorkerAsync(spread, count));

    [Fact]
    public async Task ByDefaultTheSubEnvsShareAsManyWorkersAsTheMachineHasProcessors()
    {
        // Four workers; the default spread is the processor count (2 on the project's machines), never past the workers.
        var perWorker = await SubEnvsPerWorkerAsync(spread: null, count: 8);
        Assert.Equal(Math.Min(Environment.ProcessorCount, 4), perWorker.Length);
    }

    /// <summary>
    /// Makes a vector of <paramref name="count"/> sub-envs on 4 workers with the given spread (null: the default) and
    /// returns how many sub-envs each worker it used got, most first; closes them again and checks none is left.
    /// </summary>
    private static async Task<int[]> SubEnvsPerWorkerAsync(int? spread, int count)
    {
        var options = PythonTestPool.Options(workers: 4);
        if (spread is { } value)
        {
            options.VectorSpread = value;
        }
        await using var pool = await PythonTestPool.StartAsync(options);
        await pool.WaitForWorkersAsync(4);
        var catalog = new EnvCatalog([pool.Provider], new EnvCatalogOptions { PreferredBackend = "python" });
        var instances = await catalog.MakeVectorAsync("GymServerTest/Countdown-v0", count, null, CancellationToken.None);
        int[] perWorker;
        try
        {
            perWorker = [.. instances.Cast<PythonEnvInstance>().GroupBy(instance => instance.WorkerPid)
                .Select(group => group.Count()).OrderByDescending(n => n)];
            Assert.Equal(count, pool.Pool.GetStatus().Envs);
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }
        Assert.Equal(0, pool.Pool.GetStatus().Envs);
        return perWorker;
    }

    [Fact]
    public async Task ASubEnvThatCannotBeMadeClosesTheOthers()
    {
        var options = PythonTestPool.Options(workers: 2);
        options.MaxEnvsPerWorker = 2;
        options.VectorSpread = 1;
        await using var pool = await PythonTestPool.StartAsync(options);
        await pool.WaitForWorkersAsync(2);
        var catalog = new EnvCatalog([pool.Provider], new EnvCatalogOptions { PreferredBackend = "python" });
        var full = await Assert.ThrowsAsync<Engine.Environments.EnvException>(
            async () => await catalog.MakeVectorAsync("GymServerTest/Countdown-v0", 5, null, CancellationToken.None));
        Assert.Equal(EnvErrorCodes.PoolFull, full.Code);
        Assert.Contains("room for 4 more env(s), not 5", full.Message, StringComparison.Ordinal);

        // Every second make in a worker fails (RaisingEnv's "every other"): of 3 sub-envs spread over the two workers
        // (room for 2 each), one fails, and the two made are closed again.
        var kwargs = new Dictionary<string, JsonElement> { ["fail_make"] = JsonSerializer.SerializeToElement("every other") };
        var failed = await Assert.ThrowsAnyAsync<Engine.Environments.EnvException>(
            async () => await catalog.MakeVectorAsync("GymServerTest/Raising-v0", 3, kwargs, CancellationToken.None));
        Assert.Contains("make failed on purpose", failed.Message, StringComparison.Ordinal);
        Assert.Equal(0, pool.Pool.GetStatus().Envs);
        var made = await catalog.MakeVectorAsync("GymServerTest/Countdown-v0", 4, null, CancellationToken.None);
        Assert.Equal(4, pool.Pool.GetStatus().Envs);
        foreach (var instance in made)
        {
            await instance.DisposeAsync();
        }
    }
}
