using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using GymServer.Protocol.Binary;
using GymServer.Protocol.Framing;
using GymServer.Tests.Infrastructure;
using GymServer.Web.Tcp.States;

namespace GymServer.Tests.Unit.Protocol;

/// <summary>The single-env step frame on a native env: synchronous and allocation-free, as step_vec's.</summary>
public sealed class BinaryStepTests
{
    [Fact]
    public async Task ABinaryStepAllocatesNothing()
    {
        // MountainCar's episodes last 200 steps, longer than this test: no episode record is made while it runs.
        await using var harness = new StateHarness(maxEnvs: 8) { FailOnErrors = true };
        var state = new Protocol2BinaryState(harness.Scope);
        var env = await harness.Session.OpenAsync("MountainCar-v0", CancellationToken.None);
        await env.ResetAsync(0, null, CancellationToken.None);
        var payload = new byte[1 + env.InstanceId.Length + 8];
        payload[0] = (byte)env.InstanceId.Length;
        Encoding.ASCII.GetBytes(env.InstanceId, payload.AsSpan(1));
        BinaryPrimitives.WriteInt64LittleEndian(payload.AsSpan(1 + env.InstanceId.Length), 2);
        var frame = TcpRequest.Frame(new FrameHeader((byte)FrameType.StepRequest, 0, (uint)payload.Length), new ReadOnlySequence<byte>(payload));
        var output = new ReplyBuffer(4096);
        AllocationAssert.FrameRunsSynchronouslyAllocatingNothing(state, frame, output, FrameType.StepReply);
        // The reply is the step's: MountainCar's observation (2 float32), reward -1, not done, no info.
        StepReplyFrame.Read(output.WrittenSpan[FrameHeader.Size..], out var observation, out var result, out var info);
        Assert.Equal(env.Observation.ToArray(), observation.ToArray());
        Assert.Equal(-1.0, result.Reward);
        Assert.True(info.IsEmpty);
    }
}
