using System.Diagnostics;
using GymServer.Engine.Environments;
using GymServer.Engine.Python;
using GymServer.Protocol;
using GymServer.Protocol.Values;
using GymServer.Engine.Spaces;
using GymServer.Tests.Functional.Dashboard;
using Microsoft.Extensions.DependencyInjection;

namespace GymServer.Tests.Functional.Python;

/// <summary>
/// Observations and frames through shared memory with real worker processes: the same values as through the pipe,
/// slots released when their env closes and when their worker is killed, the node's cap, frames.
/// </summary>
[Collection(PythonWorkersCollection.Name)]
public sealed class PythonSharedMemoryTests
{
    private const string ImageEnv = "GymServerTest/Image-v0";
    private const int ImageBytes = 84 * 84 * 3;

    private static readonly long ImageSlotBytes = Pages(ImageBytes);

    [Fact]
    public async Task ObservationsThroughSharedMemoryAreThoseOfThePipe()
    {
        await using var shared = await PythonTestPool.StartAsync(workers: 1);
        var options = PythonTestPool.Options(workers: 1);
        options.SharedMemoryBytes = 0;
        await using var piped = await PythonTestPool.StartAsync(options);
        var viaMemory = await shared.MakeAsync(ImageEnv);
        await using var viaPipe = await piped.MakeAsync(ImageEnv);
        Assert.True(viaMemory.ObservationsShared);
        Assert.False(viaPipe.ObservationsShared);
        Assert.Equal(new SharedMemoryStatus(ImageSlotBytes, 256L << 20, 1, 0), shared.Pool.SharedMemoryStatus);
        Assert.Equal(new SharedMemoryStatus(0, 0, 0, 0), piped.Pool.SharedMemoryStatus);

        // The file is gone as soon as the worker mapped it; both processes map the memory until the env closes.
        var path = viaMemory.ObservationSlotPath!;
        Assert.False(File.Exists(path));
        Assert.True(Maps(Environment.ProcessId, path));
        Assert.True(Maps(viaMemory.WorkerPid, path));

        await AssertSameTrajectoryAsync(viaMemory, viaPipe);

        await viaMemory.DisposeAsync();
        Assert.Equal(new SharedMemoryStatus(0, 256L << 20, 0, 0), shared.Pool.SharedMemoryStatus);
        Assert.False(Maps(Environment.ProcessId, path));
        Assert.False(Maps(viaMemory.WorkerPid, path));
    }

    [Fact]
    public async Task AKilledWorkersSlotsAreReleasedAndItsEnvsGetWorkerLost()
    {
        await using var pool = await PythonTestPool.StartAsync(workers: 2);
        var victim = await pool.MakeAsync(ImageEnv);
        var survivor = await pool.MakeAsync(ImageEnv);
        Assert.NotEqual(victim.WorkerPid, survivor.WorkerPid);
        var (victimPath, survivorPath) = (victim.ObservationSlotPath!, survivor.ObservationSlotPath!);
        Assert.Equal(2, pool.Pool.SharedMemoryStatus.Slots);
        var observation = new byte[ImageBytes];
        await victim.ResetAsync(1, null, observation, new EnvInfo(), CancellationToken.None);

        Process.GetProcessById(victim.WorkerPid).Kill();
        var lost = await Assert.ThrowsAsync<EnvException>(
            async () => await victim.StepAsync(new byte[8], observation, new EnvInfo(), CancellationToken.None));
        Assert.Equal(EnvErrorCodes.WorkerLost, lost.Code);
        // The pool replaces the worker only after the loss was handled, slots included.
        await pool.WaitForWorkersAsync(2);

        Assert.Equal(new SharedMemoryStatus(ImageSlotBytes, 256L << 20, 1, 0), pool.Pool.SharedMemoryStatus);
        Assert.False(Maps(Environment.ProcessId, victimPath));
        Assert.True(Maps(Environment.ProcessId, survivorPath));
        await survivor.ResetAsync(1, null, observation, new EnvInfo(), CancellationToken.None);
        await survivor.StepAsync(new byte[8], observation, new EnvInfo(), CancellationToken.None);

        // Closing the lost env later changes nothing; closing the survivor frees the last slot.
        await victim.DisposeAsync();
        Assert.Equal(1, pool.Pool.SharedMemoryStatus.Slots);
        await survivor.DisposeAsync();
        Assert.Equal(new SharedMemoryStatus(0, 256L << 20, 0, 0), pool.Pool.SharedMemoryStatus);
    }

    [Fact]
    public async Task PastTheCapNewEnvsSendTheirObservationsOnThePipe()
    {
        var options = PythonTestPool.Options(workers: 1);
        options.SharedMemoryBytes = 2 * ImageSlotBytes;
        await using var pool = await PythonTestPool.StartAsync(options);
        var first = await pool.MakeAsync(ImageEnv);
        await using var second = await pool.MakeAsync(ImageEnv);
        await using var third = await pool.MakeAsync(ImageEnv);
        Assert.True(first.ObservationsShared);
        Assert.True(second.ObservationsShared);
        Assert.False(third.ObservationsShared);
        Assert.Equal(new SharedMemoryStatus(2 * ImageSlotBytes, 2 * ImageSlotBytes, 2, 1), pool.Pool.SharedMemoryStatus);
        Assert.Contains(pool.Logs.Entries, entry => entry.Message.Contains("Python shared memory: the cap of", StringComparison.Ordinal));
        await AssertSameTrajectoryAsync(second, third);

        await first.DisposeAsync();
        await using var fourth = await pool.MakeAsync(ImageEnv);
        Assert.True(fourth.ObservationsShared);
        Assert.Equal(2, pool.Pool.SharedMemoryStatus.Slots);
    }

    [Fact]
    public async Task FramesComeThroughAFrameSlotFromTheSecondRenderOn()
    {
        await using var pool = await PythonTestPool.StartAsync(workers: 1);
        await using var env = await pool.MakeAsync(ImageEnv, renderMode: "rgb_array");
        var observation = new byte[ImageBytes];
        await env.ResetAsync(4, null, observation, new EnvInfo(), CancellationToken.None);

        var piped = await env.RenderFrameAsync(CancellationToken.None);
        Assert.Equal(2, pool.Pool.SharedMemoryStatus.Slots);
        Assert.Equal(ImageSlotBytes + Pages(42 * 42 * 3), pool.Pool.SharedMemoryStatus.UsedBytes);
        var shared = await env.RenderFrameAsync(CancellationToken.None);
        Assert.Equal(piped.Shape, shared.Shape);
        Assert.Equal(piped.Pixels.ToArray(), shared.Pixels.ToArray());
        Assert.Equal(new GymServer.Engine.Rendering.FrameShape(42, 42), shared.Shape);

        var action = new byte[8];
        Discrete.Write(action, 3);
        await env.StepAsync(action, observation, new EnvInfo(), CancellationToken.None);
        var after = await env.RenderFrameAsync(CancellationToken.None);
        // The frame is the observation at half resolution: the step painted the bottom-right quadrant.
        for (var row = 0; row < 42; row++)
        {
            for (var column = 0; column < 42; column++)
            {
                var pixel = (row * 42 + column) * 3;
                var source = (row * 2 * 84 + column * 2) * 3;
                Assert.Equal(observation.AsSpan(source, 3).ToArray(), after.Pixels.Slice(pixel, 3).ToArray());
            }
        }
    }

    [Fact]
    public async Task PreparingFramesGivesTheRemadeEnvASlotOfItsOwn()
    {
        await using var pool = await PythonTestPool.StartAsync(workers: 1);
        await using var env = await pool.MakeAsync(ImageEnv);
        var before = env.ObservationSlotPath!;
        await env.PrepareFramesAsync(CancellationToken.None);

        Assert.True(env.ObservationsShared);
        Assert.NotEqual(before, env.ObservationSlotPath);
        Assert.False(Maps(Environment.ProcessId, before));
        Assert.Equal(1, pool.Pool.SharedMemoryStatus.Slots);
        var observation = new byte[ImageBytes];
        var expected = new byte[ImageBytes];
        await env.ResetAsync(9, null, observation, new EnvInfo(), CancellationToken.None);
        var options = PythonTestPool.Options(workers: 1);
        options.SharedMemoryBytes = 0;
        await using var piped = await PythonTestPool.StartAsync(options);
        await using var reference = await piped.MakeAsync(ImageEnv);
        await reference.ResetAsync(9, null, expected, new EnvInfo(), CancellationToken.None);
        Assert.Equal(expected, observation);
        Assert.Equal(new GymServer.Engine.Rendering.FrameShape(42, 42), (await env.RenderFrameAsync(CancellationToken.None)).Shape);
    }

    [Fact]
    public async Task OverTcpTheSessionGetsWorkerLostAndMetricsShowTheSlotReleased()
    {
        await using var server = GymServerFactory.With(new Dictionary<string, string?>
        {
            ["Gym:Python:Workers"] = "2",
            ["Gym:Python:Executable"] = PythonTestPool.Interpreter,
            ["Gym:Python:PythonPath:0"] = PythonTestPool.FakeGymDirectory,
            ["Gym:Python:Imports:0"] = "gymserver_testenvs",
            ["Gym:Python:RestartBackoff"] = "00:00:00.1",
        });
        var pool = server.Services.GetRequiredService<PythonWorkerPool>();
        using var http = new HttpClient { BaseAddress = server.HttpAddress };
        await using var client = await Protocol2.ConnectAsync(server);
        var instance = await client.MakeAsync(ImageEnv);
        var reset = await client.SendAsync("reset", new { instance, seed = 3 });
        Assert.Equal(84, reset.GetProperty("observation").GetArrayLength());
        var before = new PrometheusText(await http.GetStringAsync("/metrics"));
        Assert.Equal(ImageSlotBytes, before["gymserver_python_shared_memory_bytes"]);
        Assert.Equal(1, before["gymserver_python_shared_memory_slots"]);
        Assert.Equal(256L << 20, before["gymserver_python_shared_memory_capacity_bytes"]);

        Process.GetProcessById(pool.GetStatus().Workers.Single(worker => worker.Envs == 1).Pid!.Value).Kill();
        Replies.AssertError(await client.SendAsync("step", new { instance, action = 1 }), "worker_lost", "make the env again");
        await pool.WaitForReadyWorkersAsync(2, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        var after = new PrometheusText(await http.GetStringAsync("/metrics"));
        Assert.Equal(0, after["gymserver_python_shared_memory_bytes"]);
        Assert.Equal(0, after["gymserver_python_shared_memory_slots"]);
        Assert.Equal(0, after["gymserver_python_shared_memory_fallbacks_total"]);

        // The session goes on: a new env on the new worker steps through shared memory again.
        var again = await client.MakeAsync(ImageEnv);
        await client.SendAsync("reset", new { instance = again, seed = 3 });
        var step = await client.SendAsync("step", new { instance = again, action = 2 });
        Assert.Equal(1.0, step.GetProperty("reward").GetDouble());
        Assert.Equal(1, pool.SharedMemoryStatus.Slots);
    }

    private static async Task AssertSameTrajectoryAsync(PythonEnvInstance a, PythonEnvInstance b)
    {
        var (left, right) = (new byte[ImageBytes], new byte[ImageBytes]);
        var (leftInfo, rightInfo) = (new EnvInfo(), new EnvInfo());
        await a.ResetAsync(17, null, left, leftInfo, CancellationToken.None);
        await b.ResetAsync(17, null, right, rightInfo, CancellationToken.None);
        Assert.Equal(left, right);
        var action = new byte[8];
        for (var step = 0; step < 60; step++)
        {
            Discrete.Write(action, step % 4);
            var leftResult = await a.StepAsync(action, left, leftInfo, CancellationToken.None);
            var rightResult = await b.StepAsync(action, right, rightInfo, CancellationToken.None);
            Assert.Equal(leftResult, rightResult);
            Assert.Equal(left, right);
            Assert.Equal(leftInfo.Count, rightInfo.Count);
            if (leftResult.Done)
            {
                await a.ResetAsync(null, null, left, leftInfo, CancellationToken.None);
                await b.ResetAsync(null, null, right, rightInfo, CancellationToken.None);
                Assert.Equal(left, right);
            }
        }
    }

    /// <summary>Whether the process maps the (unlinked) file: /proc/pid/maps lists it as "path (deleted)".</summary>
    private static bool Maps(int pid, string path)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/maps").Contains(path, StringComparison.Ordinal);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false; // the process is gone
        }
    }

    private static long Pages(int bytes) => (bytes + Environment.SystemPageSize - 1) / Environment.SystemPageSize * (long)Environment.SystemPageSize;
}
