using System.Diagnostics;
using GymServer.Engine.Environments;
using GymServer.Engine.Python;
using GymServer.Engine.Sessions;
using GymServer.Engine.Spaces;
using GymServer.Protocol;
using GymServer.Protocol.Values;

namespace GymServer.Tests.Functional.Python;

/// <summary>
/// A session's Python env leaves each observation in its shared memory slot (docs/worker-protocol.md, "Shared
/// memory"), with real worker processes: a binary reply copies it from there, the one copy the server makes; readers
/// of the observation load it into the env's buffer first; a worker that died since makes both fail with
/// worker_lost, and a remade env (for a recording) keeps the last observation readable.
/// </summary>
[Collection(PythonWorkersCollection.Name)]
public sealed class PythonDeferredObservationTests
{
    private const string ImageEnv = "GymServerTest/Image-v0";
    private const int ImageBytes = 84 * 84 * 3;

    [Fact]
    public async Task ARepliesCopyComesFromSharedMemoryAndReadersLoadTheBuffer()
    {
        await using var pool = await PythonTestPool.StartAsync(workers: 1);
        await using var reference = await PipedReferenceAsync();
        var buffer = new byte[ImageBytes];
        await using var env = new SessionEnv(await pool.MakeAsync(ImageEnv), new NodeActivity(), observation: buffer);
        var expected = new byte[ImageBytes];
        var reply = new byte[ImageBytes];

        await env.ResetAsync(5, null, CancellationToken.None);
        await reference.Env.ResetAsync(5, null, expected, new EnvInfo(), CancellationToken.None);
        env.CopyObservationsTo(reply);
        Assert.Equal(expected, reply);
        Assert.All(buffer, value => Assert.Equal(0, value));

        var action = new byte[8];
        for (var step = 0; step < 4; step++)
        {
            Discrete.Write(action, step);
            action.CopyTo(env.Action);
            await env.StepAsync(CancellationToken.None);
            await reference.Env.StepAsync(action, expected, new EnvInfo(), CancellationToken.None);
            env.CopyObservationsTo(reply);
            Assert.Equal(expected, reply);
        }
        // No step copied its observation into the env's buffer; reading it does, once.
        Assert.All(buffer, value => Assert.Equal(0, value));
        Assert.Equal(expected, env.Observation.ToArray());
        Assert.Equal(expected, buffer);
        Array.Clear(reply);
        env.CopyObservationsTo(reply);
        Assert.Equal(expected, reply);
    }

    [Fact]
    public async Task AnObservationLeftInADeadWorkersMemoryIsWorkerLost()
    {
        await using var pool = await PythonTestPool.StartAsync(workers: 1);
        var instance = await pool.MakeAsync(ImageEnv);
        await using var env = new SessionEnv(instance, new NodeActivity());
        await env.ResetAsync(5, null, CancellationToken.None);
        new byte[] { 2, 0, 0, 0, 0, 0, 0, 0 }.CopyTo(env.Action);
        await env.StepAsync(CancellationToken.None);

        Process.GetProcessById(instance.WorkerPid).Kill();
        // The loss is complete once the worker's slots are released (before anyone hears of it).
        await instance.Worker.Lost.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, pool.Pool.SharedMemoryStatus.Slots);

        var reply = new byte[ImageBytes];
        Assert.Equal(EnvErrorCodes.WorkerLost, Assert.Throws<EnvException>(() => env.CopyObservationsTo(reply)).Code);
        Assert.Equal(EnvErrorCodes.WorkerLost, Assert.Throws<EnvException>(() => env.Observation.ToArray()).Code);
    }

    [Fact]
    public async Task PreparingFramesLoadsTheLastObservationBeforeTheEnvIsRemade()
    {
        await using var pool = await PythonTestPool.StartAsync(workers: 1);
        await using var reference = await PipedReferenceAsync();
        var instance = await pool.MakeAsync(ImageEnv);
        await using var env = new SessionEnv(instance, new NodeActivity());
        var expected = new byte[ImageBytes];
        await env.ResetAsync(8, null, CancellationToken.None);
        await reference.Env.ResetAsync(8, null, expected, new EnvInfo(), CancellationToken.None);
        var before = instance.ObservationSlotPath;

        await instance.PrepareFramesAsync(CancellationToken.None);

        Assert.NotEqual(before, instance.ObservationSlotPath);
        Assert.Equal(expected, env.Observation.ToArray());
        var reply = new byte[ImageBytes];
        env.CopyObservationsTo(reply);
        Assert.Equal(expected, reply);
    }

    /// <summary>The same env in a pool without shared memory: its observations come on the pipe, into the caller's buffer.</summary>
    private static async Task<PipedReference> PipedReferenceAsync()
    {
        var options = PythonTestPool.Options(workers: 1);
        options.SharedMemoryBytes = 0;
        var pool = await PythonTestPool.StartAsync(options);
        var env = await pool.MakeAsync(ImageEnv);
        Assert.False(env.ObservationsShared);
        return new PipedReference(pool, env);
    }

    private sealed record PipedReference(PythonTestPool Pool, PythonEnvInstance Env) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Env.DisposeAsync();
            await Pool.DisposeAsync();
        }
    }
}
