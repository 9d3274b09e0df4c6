using System.Buffers;
using System.Text;
using GymServer.Engine.Environments;
using GymServer.Engine.Protocol;
using GymServer.Engine.Sessions;

namespace GymServer.Tests.Unit.Sessions;

/// <summary>A session's envs, limits and deferred errors; the step path's allocations.</summary>
public sealed class SessionTests
{
    private static readonly EnvCatalog Catalog = new([new NativeEnvProvider(NativeEnvironments.CreateRegistry())]);

    [Fact]
    public async Task OpeningPastTheLimitIsRefusedAndClosingMakesRoom()
    {
        await using var session = new Session(Catalog, new SessionLimits(MaxEnvs: 2));
        var first = await session.OpenAsync("CartPole-v1", CancellationToken.None);
        await session.OpenAsync("MountainCar-v0", CancellationToken.None);
        var error = await Assert.ThrowsAsync<EnvException>(async () => await session.OpenAsync("Acrobot-v1", CancellationToken.None));
        Assert.Equal("too_many_envs", error.Code);

        await session.CloseAsync(first);
        var third = await session.OpenAsync("Acrobot-v1", CancellationToken.None);
        Assert.Same(third, session.Current);
        Assert.Equal(2, session.Envs.Count);
    }

    [Fact]
    public async Task ClosingTheCurrentEnvKeepsItsIdForTheUrl()
    {
        await using var session = new Session(Catalog, SessionLimits.Default);
        var env = await session.OpenAsync("CartPole-v1", CancellationToken.None);
        await session.CloseAsync(env);
        Assert.Null(session.Current);
        Assert.Equal(env.InstanceId, session.LastInstanceId);
        Assert.Equal("no_env", Assert.Throws<EnvException>(session.RequireCurrent).Code);
    }

    [Fact]
    public async Task TheFirstDeferredErrorIsKeptUntilTaken()
    {
        await using var session = new Session(Catalog, SessionLimits.Default);
        session.Defer(new EnvException("a", "first"));
        session.Defer(new EnvException("b", "second"));
        Assert.True(session.TryTakePendingError(out var error));
        Assert.Equal("a", error.Code);
        Assert.False(session.TryTakePendingError(out _));
    }

    [Fact]
    public async Task DisposingClosesEveryEnv()
    {
        var session = new Session(Catalog, SessionLimits.Default);
        await session.OpenAsync("CartPole-v1", CancellationToken.None);
        await session.OpenAsync("CartPole-v1", CancellationToken.None);
        await session.DisposeAsync();
        Assert.Empty(session.Envs);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await session.OpenAsync("CartPole-v1", CancellationToken.None));
    }

    [Fact]
    public async Task ADispatchedStepAllocatesNothing()
    {
        await using var session = new Session(Catalog, SessionLimits.Default);
        var dispatcher = new RequestDispatcher(session, new FailOnError());
        var output = new ReplyBuffer();
        await DispatchAsync(dispatcher, "{\"env\":{\"name\":\"CartPole-v1\"}}", output);
        var step = new ReadOnlySequence<byte>("{\"step\":{\"action\":1, \"render\":1}}"u8.ToArray());
        var reset = new ReadOnlySequence<byte>("{\"env\":{\"action\":\"reset\"}}"u8.ToArray());

        // Warm up (JIT, lazily made buffers), then count: parse, action, step, reply, many episodes' worth.
        RunSteps(dispatcher, step, reset, output, 2000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        RunSteps(dispatcher, step, reset, output, 2000);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public async Task ANativeInstanceStepsWithoutAllocating()
    {
        await using var instance = await Catalog.MakeAsync("CartPole-v1", null, CancellationToken.None);
        var observation = new byte[instance.ObservationSpace.ByteSize];
        var action = BitConverter.GetBytes(0L);
        var info = new EnvInfo();
        await instance.ResetAsync(1, null, observation, info, CancellationToken.None);
        StepMany(instance, observation, action, info, 1000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        StepMany(instance, observation, action, info, 1000);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void StepMany(IEnvInstance instance, byte[] observation, byte[] action, EnvInfo info, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var step = instance.StepAsync(action, observation, info, CancellationToken.None);
            Assert.True(step.IsCompletedSuccessfully);
            if (step.Result.Done)
            {
                Assert.True(instance.ResetAsync(null, null, observation, info, CancellationToken.None).IsCompletedSuccessfully);
            }
        }
    }

    private static void RunSteps(RequestDispatcher dispatcher, ReadOnlySequence<byte> step, ReadOnlySequence<byte> reset, ReplyBuffer output, int count)
    {
        for (var i = 0; i < count; i++)
        {
            output.Clear();
            var pending = dispatcher.DispatchAsync(i % 20 == 0 ? reset : step, output, CancellationToken.None);
            // Native envs complete synchronously: no task, no thread hop.
            Assert.True(pending.IsCompletedSuccessfully);
        }
    }

    private static async Task DispatchAsync(RequestDispatcher dispatcher, string line, ReplyBuffer output)
    {
        output.Clear();
        await dispatcher.DispatchAsync(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(line)), output, CancellationToken.None);
    }

    private sealed class FailOnError : IRequestObserver
    {
        public void OnDeferredError(RequestKind kind, EnvException error) => Assert.Fail($"{kind}: {error.Message}");

        public void OnUnexpectedError(RequestKind kind, Exception error) => Assert.Fail($"{kind}: {error}");

        public void OnUnexpectedError(string command, Exception error) => Assert.Fail($"{command}: {error}");

        public void OnErrorReplied(string code) => Assert.Fail(code);
    }
}
