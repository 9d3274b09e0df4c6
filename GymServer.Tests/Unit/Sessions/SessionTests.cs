using GymServer.Engine.Admission;
using GymServer.Engine.Environments;
using GymServer.Engine.Sessions;
using GymServer.Protocol.Values;

namespace GymServer.Tests.Unit.Sessions;

/// <summary>A session's envs and limits; a native env's step allocates nothing (the whole protocol-1 step path: Protocol1StateTests).</summary>
public sealed class SessionTests
{
    private static readonly EnvCatalog Catalog = new([new NativeEnvProvider(NativeEnvironments.CreateRegistry())]);

    [Fact]
    public async Task OpeningPastTheLimitIsRefusedAndClosingMakesRoom()
    {
        await using var session = new Session(Catalog, ClientAdmission.WithoutNode(2));
        var first = await session.OpenAsync("CartPole-v1", CancellationToken.None);
        await session.OpenAsync("MountainCar-v0", CancellationToken.None);
        var error = await Assert.ThrowsAsync<EnvException>(async () => await session.OpenAsync("Acrobot-v1", CancellationToken.None));
        Assert.Equal("too_many_envs", error.Code);

        await session.CloseAsync(first);
        var third = await session.OpenAsync("Acrobot-v1", CancellationToken.None);
        Assert.Same(third, session.Find(third.InstanceId));
        Assert.Equal(2, session.Envs.Count);
    }

    [Fact]
    public async Task DisposingClosesEveryEnv()
    {
        var session = new Session(Catalog, ClientAdmission.WithoutNode(16));
        await session.OpenAsync("CartPole-v1", CancellationToken.None);
        await session.OpenAsync("CartPole-v1", CancellationToken.None);
        await session.DisposeAsync();
        Assert.Empty(session.Envs);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await session.OpenAsync("CartPole-v1", CancellationToken.None));
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
}
