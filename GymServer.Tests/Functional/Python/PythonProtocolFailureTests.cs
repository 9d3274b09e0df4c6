using GymServer.Engine.Environments;
using GymServer.Engine.Python;
using GymServer.Protocol;
using GymServer.Protocol.Values;
using GymServer.Tests.Infrastructure;

namespace GymServer.Tests.Functional.Python;

/// <summary>
/// A worker that breaks the protocol (a reply to the wrong call, an impossible frame, a foreign protocol version)
/// is taken as lost, like one that crashed: its calls fail with worker_lost, and it is replaced.
/// </summary>
[Collection(PythonWorkersCollection.Name)]
public sealed class PythonProtocolFailureTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    private static string Script => Path.Combine(
        RepositoryPaths.Root, "GymServer.Tests", "Functional", "Python", "Workers", "misbehaving_worker.py");

    [Fact]
    public async Task WrongCallIdAndImpossibleFrameLoseTheWorker()
    {
        var options = PythonTestPool.Options(workers: 1);
        options.WorkerScript = Script;
        options.Imports = ["wrong-call"];
        await using var pool = await PythonTestPool.StartAsync(options);
        Assert.Equal(["Garbled-v0"], pool.Provider.Ids);

        await using var first = await pool.MakeAsync("Garbled-v0");
        var wrongCall = await Assert.ThrowsAsync<EnvException>(
            async () => await first.ResetAsync(null, null, new byte[8], new EnvInfo(), CancellationToken.None));
        Assert.Equal(EnvErrorCodes.WorkerLost, wrongCall.Code);
        Assert.Contains("reply to call", wrongCall.Message);

        await pool.WaitForWorkersAsync(1);
        await using var second = await pool.MakeAsync("Garbled-v0");
        Assert.NotEqual(first.WorkerPid, second.WorkerPid);
        var badFrame = await Assert.ThrowsAsync<EnvException>(
            async () => await second.StepAsync(new byte[8], new byte[8], new EnvInfo(), CancellationToken.None));
        Assert.Equal(EnvErrorCodes.WorkerLost, badFrame.Code);
        Assert.Contains("frame length 4294967295", badFrame.Message);
    }

    [Fact]
    public async Task ForeignProtocolVersionMakesPythonUnavailable()
    {
        var options = PythonTestPool.Options(workers: 2);
        options.WorkerScript = Script;
        options.Imports = ["wrong-protocol"];
        await using var pool = await PythonTestPool.StartAsync(options);
        Assert.Equal(PythonPoolState.Unavailable, pool.Pool.State);
        Assert.Contains("protocol 99", pool.Pool.GetStatus().Reason);
        Assert.False(pool.Provider.Serves("Garbled-v0"));
    }

    [Fact]
    public async Task MissingWorkerScriptMakesPythonUnavailable()
    {
        var options = PythonTestPool.Options(workers: 1);
        options.WorkerScript = "/nonexistent/gym_worker.py";
        await using var pool = await PythonTestPool.StartAsync(options);
        Assert.Equal(PythonPoolState.Unavailable, pool.Pool.State);
        Assert.Contains("/nonexistent/gym_worker.py does not exist", pool.Pool.GetStatus().Reason);
    }

    [Fact]
    public async Task CancellingACallInFlightReturnsWithoutWaitingForTheWorker()
    {
        var options = PythonTestPool.Options(workers: 1);
        options.CallTimeout = TimeSpan.FromSeconds(2);
        await using var pool = await PythonTestPool.StartAsync(options);
        await using var hanging = await pool.MakeAsync("GymServerTest/Hanging-v0");
        await using var queued = await pool.MakeAsync("CartPole-v1");
        var observation = new byte[queued.ObservationSpace.ByteSize];
        await hanging.ResetAsync(null, null, new byte[8], new EnvInfo(), CancellationToken.None);
        await queued.ResetAsync(0, null, observation, new EnvInfo(), CancellationToken.None);
        var before = observation.ToArray();

        var hung = hanging.StepAsync(PythonEnvErrorTests.Action(1), new byte[8], new EnvInfo(), CancellationToken.None).AsTask();
        using var cancel = new CancellationTokenSource();
        var waiting = queued.StepAsync(PythonEnvErrorTests.Action(0), observation, new EnvInfo(), cancel.Token).AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Guard));

        // The hung worker is then killed; the cancelled call's buffer was never written into.
        Assert.Equal(EnvErrorCodes.WorkerLost, (await Assert.ThrowsAsync<EnvException>(() => hung.WaitAsync(Guard))).Code);
        Assert.Equal(before, observation);
    }
}
