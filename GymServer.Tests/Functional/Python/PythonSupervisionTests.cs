using System.Diagnostics;
using GymServer.Engine.Environments;
using GymServer.Engine.Python;
using GymServer.Protocol;
using GymServer.Protocol.Values;
using Xunit.Abstractions;

namespace GymServer.Tests.Functional.Python;

/// <summary>Workers that die or hang: their envs get worker_lost, every other env goes on, the pool refills.</summary>
[Collection(PythonWorkersCollection.Name)]
public sealed class PythonSupervisionTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task SigkilledWorkerLosesOnlyItsEnvsAndIsReplaced()
    {
        await using var pool = await PythonTestPool.StartAsync(workers: 4);
        var envs = new List<PythonEnvInstance>();
        for (var i = 0; i < 8; i++)
        {
            envs.Add(await pool.MakeAsync("CartPole-v1"));
        }
        var victimPid = envs[0].WorkerPid;
        var victimSlot = envs[0].WorkerSlot;
        var clients = envs.Select(env => new SteppingClient(env)).ToList();
        var running = clients.Select(client => client.RunAsync()).ToList();
        await Task.WhenAll(clients.Select(client => client.Stepping)).WaitAsync(Guard);

        var killedAt = Stopwatch.GetTimestamp();
        Process.GetProcessById(victimPid).Kill();
        var victims = clients.Where(client => client.Env.WorkerPid == victimPid).ToList();
        var survivors = clients.Except(victims).ToList();
        Assert.Equal(2, victims.Count);
        foreach (var victim in victims)
        {
            var error = await Assert.ThrowsAsync<EnvException>(() => victim.Failed.WaitAsync(Guard));
            Assert.Equal(EnvErrorCodes.WorkerLost, error.Code);
            Assert.Contains("killed by signal 9", error.Message);
            output.WriteLine($"victim on pid {victimPid} got worker_lost {Stopwatch.GetElapsedTime(killedAt).TotalMilliseconds:0} ms after SIGKILL");
        }

        // Every other client keeps stepping after the loss: 20 more steps each.
        await Task.WhenAll(survivors.Select(client => client.StepsAfterAsync(20))).WaitAsync(Guard);
        foreach (var client in clients)
        {
            client.Stop();
        }
        await Task.WhenAll(running).WaitAsync(Guard);
        Assert.All(survivors, client => Assert.Null(client.Error));

        // The lost envs stay lost; the pool is back to four workers, a new one in the victim's slot.
        var again = await Assert.ThrowsAsync<EnvException>(
            async () => await victims[0].Env.ResetAsync(null, null, new byte[16], new EnvInfo(), CancellationToken.None));
        Assert.Equal(EnvErrorCodes.WorkerLost, again.Code);
        await pool.WaitForWorkersAsync(4);
        var slot = pool.Pool.GetStatus().Workers[victimSlot];
        Assert.Equal(1, slot.Restarts);
        Assert.NotEqual(victimPid, slot.Pid);
        Assert.Contains(pool.Logs.Entries, entry => entry.Message.Contains($"(pid {victimPid}) lost: killed by signal 9", StringComparison.Ordinal));
        foreach (var env in envs)
        {
            await env.DisposeAsync();
        }
        await using var fresh = await pool.MakeAsync("CartPole-v1");
        Assert.Equal(slot.Pid, fresh.WorkerPid);
    }

    [Fact]
    public async Task HungWorkerTimesOutAndIsRecycled()
    {
        var options = PythonTestPool.Options(workers: 2);
        options.CallTimeout = TimeSpan.FromSeconds(2);
        await using var pool = await PythonTestPool.StartAsync(options);
        await using var hanging = await pool.MakeAsync("GymServerTest/Hanging-v0");
        await using var neighbour = await pool.MakeAsync("CartPole-v1");
        await using var sameWorker = await pool.MakeAsync("GymServerTest/Raising-v0");
        Assert.NotEqual(hanging.WorkerPid, neighbour.WorkerPid);
        Assert.Equal(hanging.WorkerPid, sameWorker.WorkerPid);
        var hungPid = hanging.WorkerPid;
        var info = new EnvInfo();
        var observation = new byte[8];
        await hanging.ResetAsync(null, null, observation, info, CancellationToken.None);
        await sameWorker.ResetAsync(null, null, observation, info, CancellationToken.None);

        var hung = hanging.StepAsync(PythonEnvErrorTests.Action(1), observation, info, CancellationToken.None).AsTask();
        var queuedBehind = sameWorker.StepAsync(PythonEnvErrorTests.Action(0), new byte[8], new EnvInfo(), CancellationToken.None).AsTask();
        var error = await Assert.ThrowsAsync<EnvException>(() => hung.WaitAsync(Guard));
        Assert.Equal(EnvErrorCodes.WorkerLost, error.Code);
        Assert.Contains("did not answer within 2 s", error.Message);
        Assert.Equal(EnvErrorCodes.WorkerLost, (await Assert.ThrowsAsync<EnvException>(() => queuedBehind.WaitAsync(Guard))).Code);

        var cartPole = new byte[neighbour.ObservationSpace.ByteSize];
        await neighbour.ResetAsync(0, null, cartPole, info, CancellationToken.None);
        await neighbour.StepAsync(PythonEnvErrorTests.Action(0), cartPole, info, CancellationToken.None);

        await pool.WaitForWorkersAsync(2);
        var slot = pool.Pool.GetStatus().Workers[hanging.WorkerSlot];
        Assert.NotEqual(hungPid, slot.Pid);
        Assert.Equal(1, slot.Restarts);
        Assert.Throws<ArgumentException>(() => Process.GetProcessById(hungPid));
        await using var replacement = await pool.MakeAsync("GymServerTest/Hanging-v0");
        await replacement.ResetAsync(null, null, observation, info, CancellationToken.None);
        await replacement.StepAsync(PythonEnvErrorTests.Action(0), observation, info, CancellationToken.None);
    }

    /// <summary>Steps one env in a loop until stopped or failed, resetting when an episode ends.</summary>
    private sealed class SteppingClient(PythonEnvInstance env)
    {
        private readonly TaskCompletionSource _stepping = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _failed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenSource _stop = new();
        private TaskCompletionSource _stepped = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _steps;

        public PythonEnvInstance Env => env;

        public Task Stepping => _stepping.Task;

        public Task Failed => _failed.Task;

        public Exception? Error => _failed.Task.Exception?.InnerException;

        public void Stop() => _stop.Cancel();

        public async Task StepsAfterAsync(int more)
        {
            var target = Volatile.Read(ref _steps) + more;
            while (Volatile.Read(ref _steps) < target && !_failed.Task.IsCompleted)
            {
                await Task.WhenAny(Volatile.Read(ref _stepped).Task, _failed.Task);
            }
            Assert.False(_failed.Task.IsCompleted, $"client failed: {Error}");
        }

        public async Task RunAsync()
        {
            var observation = new byte[env.ObservationSpace.ByteSize];
            var info = new EnvInfo();
            try
            {
                await env.ResetAsync(null, null, observation, info, CancellationToken.None);
                while (!_stop.IsCancellationRequested)
                {
                    var result = await env.StepAsync(PythonEnvErrorTests.Action(_steps % 2), observation, info, CancellationToken.None);
                    Interlocked.Increment(ref _steps);
                    _stepping.TrySetResult();
                    Interlocked.Exchange(ref _stepped, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
                    if (result.Done)
                    {
                        await env.ResetAsync(null, null, observation, info, CancellationToken.None);
                    }
                }
            }
            catch (EnvException error)
            {
                _stepping.TrySetResult();
                _failed.TrySetException(error);
            }
        }
    }
}
