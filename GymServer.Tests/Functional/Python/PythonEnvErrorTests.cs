using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Python;
using GymServer.Protocol;
using GymServer.Protocol.Values;

namespace GymServer.Tests.Functional.Python;

/// <summary>Failures inside env code come back as clear errors; the worker keeps serving its other envs.</summary>
[Collection(PythonWorkersCollection.Name)]
public sealed class PythonEnvErrorTests
{
    [Fact]
    public async Task RaisingStepIsAnEnvErrorAndTheWorkerSurvives()
    {
        await using var pool = await PythonTestPool.StartAsync(workers: 1);
        await using var raising = await pool.MakeAsync("GymServerTest/Raising-v0");
        await using var neighbour = await pool.MakeAsync("CartPole-v1");
        var pid = raising.WorkerPid;
        Assert.Equal(pid, neighbour.WorkerPid);
        var observation = new byte[8];
        var info = new EnvInfo();
        await raising.ResetAsync(null, null, observation, info, CancellationToken.None);

        var error = await Assert.ThrowsAsync<PythonEnvException>(
            async () => await raising.StepAsync(Action(1), observation, info, CancellationToken.None));
        Assert.Equal(EnvErrorCodes.EnvError, error.Code);
        Assert.Equal("step exploded on purpose", error.Message);
        Assert.Equal("RuntimeError", error.PythonType);
        Assert.Contains("misbehaving.py", error.PythonTraceback);

        var result = await raising.StepAsync(Action(0), observation, info, CancellationToken.None);
        Assert.Equal(1, result.Reward);
        var cartPole = new byte[neighbour.ObservationSpace.ByteSize];
        await neighbour.ResetAsync(0, null, cartPole, info, CancellationToken.None);
        await neighbour.StepAsync(Action(1), cartPole, info, CancellationToken.None);
        var status = pool.Pool.GetStatus();
        Assert.Equal(pid, status.Workers[0].Pid);
        Assert.Equal(0, status.Workers[0].Restarts);
    }

    [Fact]
    public async Task FailedMakesAreClassifiedAndLeaveNoEnvBehind()
    {
        await using var pool = await PythonTestPool.StartAsync(workers: 1);
        var failMake = new Dictionary<string, JsonElement> { ["fail_make"] = JsonDocument.Parse("true").RootElement };
        var unknownKeyword = new Dictionary<string, JsonElement> { ["colour"] = JsonDocument.Parse("\"red\"").RootElement };

        var raised = await Assert.ThrowsAsync<PythonEnvException>(async () => await pool.MakeAsync("GymServerTest/Raising-v0", kwargs: failMake));
        Assert.Equal(EnvErrorCodes.EnvError, raised.Code);
        Assert.Equal("make failed on purpose", raised.Message);
        var keyword = await Assert.ThrowsAsync<PythonEnvException>(async () => await pool.MakeAsync("GymServerTest/Image-v0", kwargs: unknownKeyword));
        Assert.Equal(EnvErrorCodes.InvalidArgument, keyword.Code);
        Assert.Contains("colour", keyword.Message);
        var unknown = await Assert.ThrowsAsync<PythonEnvException>(async () => await pool.MakeAsync("GymServerTest/Imag-v0"));
        Assert.Equal(EnvErrorCodes.UnknownEnv, unknown.Code);
        var unsupported = await Assert.ThrowsAsync<PythonEnvException>(async () => await pool.MakeAsync("GymServerTest/TextObs-v0"));
        Assert.Equal(EnvErrorCodes.UnsupportedSpace, unsupported.Code);
        Assert.Contains("Text", unsupported.Message);
        Assert.Equal(0, pool.Pool.GetStatus().Envs);
    }

    [Fact]
    public async Task StepBeforeResetIsResetNeeded()
    {
        await using var pool = await PythonTestPool.StartAsync(workers: 1);
        await using var env = await pool.MakeAsync("python:CartPole-v1");
        var error = await Assert.ThrowsAsync<PythonEnvException>(
            async () => await env.StepAsync(Action(0), new byte[env.ObservationSpace.ByteSize], new EnvInfo(), CancellationToken.None));
        Assert.Equal(EnvErrorCodes.ResetNeeded, error.Code);
    }

    [Fact]
    public async Task ModuleQualifiedIdsAreRefusedUnlessAllowed()
    {
        await using var pool = await PythonTestPool.StartAsync(workers: 1);
        Assert.True(pool.Provider.Serves("os:Anything-v0"));
        var refused = await Assert.ThrowsAsync<EnvException>(async () => await pool.MakeAsync("os:Anything-v0"));
        Assert.Equal(EnvErrorCodes.ForbiddenEnv, refused.Code);
        Assert.Contains("'os'", refused.Message);
        Assert.Contains("Gym:Python:AllowedModules", refused.Message);
        var nested = await Assert.ThrowsAsync<EnvException>(async () => await pool.MakeAsync("gymserver_userenv.sub:UserEnv-v0"));
        Assert.Equal(EnvErrorCodes.ForbiddenEnv, nested.Code);
        Assert.Equal(0, pool.Pool.GetStatus().Envs);

        await using var allowed = await pool.MakeAsync("gymserver_userenv:UserEnv-v0");
        Assert.Equal("UserEnv-v0", allowed.Spec.Id);
        var observation = new byte[8];
        await allowed.ResetAsync(null, null, observation, new EnvInfo(), CancellationToken.None);
        await allowed.StepAsync(Action(0), observation, new EnvInfo(), CancellationToken.None);
        Assert.Equal(1, BitConverter.ToInt64(observation));
    }

    [Fact]
    public async Task EnvPrintsDoNotDisturbTheProtocol()
    {
        await using var pool = await PythonTestPool.StartAsync(workers: 1);
        await using var env = await pool.MakeAsync("GymServerTest/Noisy-v0");
        var observation = new byte[8];
        var info = new EnvInfo();
        await env.ResetAsync(null, null, observation, info, CancellationToken.None);
        for (var action = 0; action < 3; action++)
        {
            await env.StepAsync(Action(action), observation, info, CancellationToken.None);
            Assert.Equal(action, BitConverter.ToInt64(observation));
        }
        // Stopping the pool waits for the worker's exit and the end of its stderr, so every line is logged by then.
        await pool.DisposeAsync();
        Assert.Contains(pool.Logs.Entries, entry => entry.Message.Contains("raw write to fd 1", StringComparison.Ordinal));
        Assert.Contains(pool.Logs.Entries, entry => entry.Message.Contains("NoisyEnv: hello from __init__", StringComparison.Ordinal));
    }

    internal static byte[] Action(long value) => BitConverter.GetBytes(value);
}
