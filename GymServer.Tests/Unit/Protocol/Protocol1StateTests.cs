using System.Buffers;
using GymServer.Protocol.Framing;
using GymServer.Tests.Infrastructure;
using GymServer.Web.Tcp.States;

namespace GymServer.Tests.Unit.Protocol;

/// <summary>
/// The protocol-1 connection state: its current env and last instance id, the error of a request without a reply
/// kept for the next reply, the handshake's successor, and a step that allocates nothing from line to reply.
/// </summary>
public sealed class Protocol1StateTests
{
    [Fact]
    public async Task ClosingTheCurrentEnvKeepsItsIdForTheUrl()
    {
        await using var harness = new StateHarness();
        var state = new Protocol1State(harness.Scope);
        var output = new ReplyBuffer();
        await StateHarness.RunLineAsync(state, "{\"env\":{\"name\":\"CartPole-v1\"}}", output);
        var made = state.Current!;
        await StateHarness.RunLineAsync(state, "{\"env\":{\"action\":\"close\"}}", output);
        Assert.Null(state.Current);
        Assert.Empty(harness.Session.Envs);
        Assert.Equal(made.InstanceId, state.LastInstanceId);
        await StateHarness.RunLineAsync(state, "{\"url\":{\"action\":\"url\"}}", output);
        await StateHarness.RunLineAsync(state, "{\"env\":{\"action\":\"actionspace\"}}", output);
        var replies = StateHarness.Replies(output);
        Assert.Equal($"{{\"url\":\"{made.InstanceId}/\"}}", replies[1]);
        Assert.StartsWith("{\"error\":{\"code\":\"no_env\"", replies[2]);
    }

    [Fact]
    public async Task TheFirstDeferredErrorIsKeptUntilTaken()
    {
        await using var harness = new StateHarness();
        var state = new Protocol1State(harness.Scope);
        var output = new ReplyBuffer();
        // Two requests without a reply fail (no env yet, then a bad compression level): the first error waits.
        await StateHarness.RunLineAsync(state, "{\"env\":{\"seed\":\"1\"}}", output);
        await StateHarness.RunLineAsync(state, "{\"server\":{\"compression\":\"12\"}}", output);
        Assert.Equal("no_env", state.PendingError?.Code);
        Assert.Equal(0, output.WrittenCount);

        await StateHarness.RunLineAsync(state, "{\"env\":{\"name\":\"CartPole-v1\"}}", output);
        await StateHarness.RunLineAsync(state, "{\"env\":{\"name\":\"CartPole-v1\"}}", output);
        var replies = StateHarness.Replies(output);
        Assert.StartsWith("{\"error\":{\"code\":\"no_env\"", replies[0]);
        Assert.StartsWith("{\"instance\":", replies[1]);
        Assert.Null(state.PendingError);
        Assert.Equal(new[] { "no_env", "invalid_argument", "no_env" }, harness.Errors);
    }

    [Theory]
    [InlineData("{\"server\":{\"protocol\":2}}", typeof(Protocol2JsonState))]
    [InlineData("{\"server\":{\"protocol\":2,\"encoding\":\"binary\"}}", typeof(Protocol2BinaryState))]
    [InlineData("{\"server\":{\"protocol\":1}}", typeof(Protocol1State))]
    [InlineData("{\"server\":{\"protocol\":3}}", typeof(Protocol1State))]
    public async Task TheHandshakeNamesTheNextState(string handshake, Type next)
    {
        await using var harness = new StateHarness();
        var state = new Protocol1State(harness.Scope);
        Assert.IsType(next, await StateHarness.RunLineAsync(state, handshake, new ReplyBuffer()));
    }

    [Fact]
    public async Task AStepFromLineToReplyAllocatesNothing()
    {
        await using var harness = new StateHarness { FailOnErrors = true };
        var state = new Protocol1State(harness.Scope);
        var output = new ReplyBuffer();
        await StateHarness.RunLineAsync(state, "{\"env\":{\"name\":\"CartPole-v1\"}}", output);
        var step = TcpRequest.Line(new ReadOnlySequence<byte>("{\"step\":{\"action\":1, \"render\":1}}"u8.ToArray()));
        var reset = TcpRequest.Line(new ReadOnlySequence<byte>("{\"env\":{\"action\":\"reset\"}}"u8.ToArray()));

        // Warm up (JIT, lazily made buffers), then count: parse, action, step, reply, many episodes' worth.
        RunSteps(state, step, reset, output, 2000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        RunSteps(state, step, reset, output, 2000);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void RunSteps(ConnectionState state, TcpRequest step, TcpRequest reset, ReplyBuffer output, int count)
    {
        for (var i = 0; i < count; i++)
        {
            output.Clear();
            var pending = state.RunAsync(i % 20 == 0 ? reset : step, output);
            // Native envs complete synchronously: no task, no thread hop, and the state stays the same.
            Assert.True(pending.IsCompletedSuccessfully && ReferenceEquals(pending.Result, state));
        }
    }
}
