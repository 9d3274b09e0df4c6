using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Sessions;
using GymServer.Engine.Spaces;
using GymServer.Protocol;
using GymServer.Protocol.Binary;
using GymServer.Protocol.Framing;
using GymServer.Protocol.V1;
using GymServer.Protocol.Values;
using GymServer.Tests.Infrastructure;
using GymServer.Web.Tcp.States;

namespace GymServer.Tests.Unit.Sessions;

/// <summary>
/// The vector step's two paths (synchronous while the envs are, awaiting from the first env that waits) give the
/// same trajectory; the binary step_vec allocates nothing in steady state.
/// </summary>
public sealed class VectorEnvTests
{
    private static readonly EnvRegistry Registry = NativeEnvironments.CreateRegistry();

    [Fact]
    public async Task EnvsThatWaitMidVectorGiveTheSameStepsAsEnvsThatDoNot()
    {
        const int count = 4;
        await using var direct = MakeVector(count, waits: false);
        await using var waiting = MakeVector(count, waits: true);
        await direct.ResetAsync(3, null, CancellationToken.None);
        await waiting.ResetAsync(3, null, CancellationToken.None);
        var ended = 0;
        for (var step = 0; step < 200; step++)
        {
            for (var i = 0; i < count; i++)
            {
                // Always pushing right: episodes end within a few dozen steps, so autoresets happen on both paths.
                Discrete.Write(direct.Envs[i].Action, 1);
                Discrete.Write(waiting.Envs[i].Action, 1);
            }
            await direct.StepAsync(CancellationToken.None);
            await waiting.StepAsync(CancellationToken.None);
            Assert.Equal(direct.Results.ToArray(), waiting.Results.ToArray());
            for (var i = 0; i < count; i++)
            {
                Assert.Equal(direct.Envs[i].Observation.ToArray(), waiting.Envs[i].Observation.ToArray());
                ended += direct.Results[i].Done ? 1 : 0;
            }
        }
        Assert.True(ended > count, $"only {ended} episodes ended");
    }

    [Fact]
    public async Task AVectorMadeOverInstancesKeepsItsObservationsInOneBatch()
    {
        var instances = Enumerable.Range(0, 3)
            .Select(i => (IEnvInstance)new WaitingInstance(new NativeEnvInstance(Registry.Make("CartPole-v1"), $"env{i}")))
            .ToList();
        await using var vector = VectorEnv.Over("vector", instances, new NodeActivity());
        Assert.Equal(3 * 16, vector.ObservationBatch.Length);
        await vector.ResetAsync(7, null, CancellationToken.None);
        for (var step = 0; step < 30; step++)
        {
            foreach (var env in vector.Envs)
            {
                Discrete.Write(env.Action, step % 2);
            }
            await vector.StepAsync(CancellationToken.None);
            Assert.Equal(vector.Envs.SelectMany(env => env.Observation.ToArray()).ToArray(), vector.ObservationBatch.ToArray());
        }
    }

    [Fact]
    public async Task ASubEnvThatFailsFailsTheStepOnceTheOthersHaveStepped()
    {
        var activity = new NodeActivity();
        var instances = Enumerable.Range(0, 3)
            .Select(i => new NativeEnvInstance(Registry.Make("CartPole-v1"), $"env{i}"))
            .Select((instance, i) => (IEnvInstance)(i == 1 ? new WaitingInstance(instance, failSteps: true) : new WaitingInstance(instance)))
            .ToList();
        await using var vector = VectorEnv.Over("vector", instances, activity);
        await vector.ResetAsync(1, null, CancellationToken.None);
        var error = await Assert.ThrowsAsync<EnvException>(async () => await vector.StepAsync(CancellationToken.None));
        Assert.Equal(EnvErrorCodes.WorkerLost, error.Code);
        Assert.Equal(2, activity.Steps);
    }

    [Fact]
    public async Task ASubEnvThatThrowsAtOnceFailsTheStepOnceThoseStartedBeforeItHaveStepped()
    {
        var activity = new NodeActivity();
        // Env 0's step waits for the gate, so it is still pending when env 1 throws; env 2 is never started.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var instances = Enumerable.Range(0, 3)
            .Select(i => new NativeEnvInstance(Registry.Make("CartPole-v1"), $"env{i}"))
            .Select((instance, i) => (IEnvInstance)new WaitingInstance(instance, failSteps: i == 1, atOnce: i == 1, gate: i == 0 ? gate.Task : null))
            .ToList();
        await using var vector = VectorEnv.Over("vector", instances, activity);
        await vector.ResetAsync(1, null, CancellationToken.None);
        var step = vector.StepAsync(CancellationToken.None);
        Assert.False(step.IsCompleted);
        gate.SetResult();
        var error = await Assert.ThrowsAsync<EnvException>(async () => await step);
        Assert.Equal(EnvErrorCodes.WorkerLost, error.Code);
        Assert.Equal(1, activity.Steps);
    }

    [Fact]
    public async Task ABinaryStepVecAllocatesNothing()
    {
        // MountainCar's episodes last 200 steps, longer than this test: no episode record is made while it runs.
        await using var harness = new StateHarness(maxEnvs: 8) { FailOnErrors = true };
        var state = new Protocol2BinaryState(harness.Scope);
        var vector = await harness.Session.OpenVectorAsync("MountainCar-v0", 8, kwargs: null, CancellationToken.None);
        await vector.ResetAsync(0, null, CancellationToken.None);
        var payload = new byte[1 + vector.InstanceId.Length + 8 * 8];
        payload[0] = (byte)vector.InstanceId.Length;
        Encoding.ASCII.GetBytes(vector.InstanceId, payload.AsSpan(1));
        for (var i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(payload.AsSpan(1 + vector.InstanceId.Length + 8 * i), i % 3);
        }
        var frame = TcpRequest.Frame(new FrameHeader((byte)FrameType.StepVecRequest, 0, (uint)payload.Length), new ReadOnlySequence<byte>(payload));
        var output = new ReplyBuffer(4096);
        AllocationAssert.FrameRunsSynchronouslyAllocatingNothing(state, frame, output, FrameType.StepVecReply);
    }

    [Fact]
    public async Task AFramePayloadInManySegmentsStepsAsOneInOneSegment()
    {
        var replies = new List<byte[]>();
        foreach (var split in new[] { false, true })
        {
            await using var harness = new StateHarness(maxEnvs: 8) { FailOnErrors = true };
            var state = new Protocol2BinaryState(harness.Scope);
            var vector = await harness.Session.OpenVectorAsync("FrozenLake-v1", 3, kwargs: null, CancellationToken.None);
            await vector.ResetAsync(11, null, CancellationToken.None);
            var payload = new byte[1 + vector.InstanceId.Length + 8 * 3];
            payload[0] = (byte)vector.InstanceId.Length;
            Encoding.ASCII.GetBytes(vector.InstanceId, payload.AsSpan(1));
            BinaryPrimitives.WriteInt64LittleEndian(payload.AsSpan(payload.Length - 16), 2);
            BinaryPrimitives.WriteInt64LittleEndian(payload.AsSpan(payload.Length - 8), 1);
            var output = new ReplyBuffer();
            var header = new FrameHeader((byte)FrameType.StepVecRequest, 0, (uint)payload.Length);
            var sequence = split ? TestSequenceSegment.ByteByByte(payload) : new ReadOnlySequence<byte>(payload);
            await state.RunAsync(TcpRequest.Frame(header, sequence), output);
            replies.Add(output.WrittenSpan.ToArray());
        }
        Assert.Equal(0x81, replies[0][1]);
        Assert.Equal(replies[0], replies[1]);
    }

    private static VectorEnv MakeVector(int count, bool waits)
    {
        var activity = new NodeActivity();
        var envs = Enumerable.Range(0, count).Select(i =>
        {
            IEnvInstance instance = new NativeEnvInstance(Registry.Make("CartPole-v1"), $"env{i}");
            return new SessionEnv(waits && i % 2 == 1 ? new WaitingInstance(instance) : instance, activity);
        }).ToArray();
        return new VectorEnv("vector", envs);
    }

    /// <summary>
    /// An env whose calls complete later, on another turn (or once a gate opens), as a Python worker's do; its steps may
    /// fail, later or at once.
    /// </summary>
    private sealed class WaitingInstance(IEnvInstance inner, bool failSteps = false, bool atOnce = false, Task? gate = null) : ForwardingInstance(inner)
    {
        public override async ValueTask ResetAsync(BigInteger? seed, JsonElement? options, Memory<byte> observation, EnvInfo info, CancellationToken cancellationToken)
        {
            await Task.Yield();
            await Inner.ResetAsync(seed, options, observation, info, cancellationToken);
        }

        public override ValueTask<StepResult> StepAsync(ReadOnlyMemory<byte> action, Memory<byte> observation, EnvInfo info, CancellationToken cancellationToken) =>
            failSteps && atOnce
                ? throw new EnvException(EnvErrorCodes.WorkerLost, "the worker hosting this env was lost")
                : StepLaterAsync(action, observation, info, cancellationToken);

        private async ValueTask<StepResult> StepLaterAsync(ReadOnlyMemory<byte> action, Memory<byte> observation, EnvInfo info, CancellationToken cancellationToken)
        {
            if (gate is null)
            {
                await Task.Yield();
            }
            else
            {
                await gate;
            }
            if (failSteps)
            {
                throw new EnvException(EnvErrorCodes.WorkerLost, "the worker hosting this env was lost");
            }
            return await Inner.StepAsync(action, observation, info, cancellationToken);
        }
    }
}
