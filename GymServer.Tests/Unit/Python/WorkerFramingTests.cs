using System.Buffers.Binary;
using System.Text;
using GymServer.Engine.Environments;
using GymServer.Engine.Python;
using GymServer.Protocol;
using GymServer.Protocol.Values;

namespace GymServer.Tests.Unit.Python;

/// <summary>The server's half of the worker frames, byte by byte as docs/worker-protocol.md lays them out.</summary>
public sealed class WorkerFramingTests
{
    [Fact]
    public void StepRequestMatchesTheDocumentedExample()
    {
        var action = new byte[8];
        action[0] = 1;
        var frame = new byte[WorkerFrame.RequestSize(0, action.Length)];
        WorkerFrame.WriteRequest(frame, WorkerCommand.Step, 42, 7, [], action);
        Assert.Equal("15000000042a0000000700000000000000" + "0100000000000000", Convert.ToHexString(frame).ToLowerInvariant());
    }

    [Fact]
    public void MetaSitsBetweenHeaderAndPayload()
    {
        var meta = "{\"id\":\"x\"}"u8.ToArray();
        var frame = new byte[WorkerFrame.RequestSize(meta.Length, 3)];
        WorkerFrame.WriteRequest(frame, WorkerCommand.Make, 1, 2, meta, [9, 8, 7]);
        Assert.Equal((uint)(13 + meta.Length + 3), BinaryPrimitives.ReadUInt32LittleEndian(frame));
        Assert.Equal((byte)WorkerCommand.Make, frame[4]);
        Assert.Equal((uint)meta.Length, BinaryPrimitives.ReadUInt32LittleEndian(frame.AsSpan(13)));
        Assert.Equal(meta, frame.AsSpan(17, meta.Length).ToArray());
        Assert.Equal([9, 8, 7], frame.AsSpan(17 + meta.Length).ToArray());
    }

    [Fact]
    public void StepReplyFillsResultObservationAndInfo()
    {
        var observation = new byte[4];
        var info = new EnvInfo();
        info.Add("stale", 1L);
        var call = new StepCall(7, observation, info, slot: null);
        var payload = new byte[9 + 4];
        BinaryPrimitives.WriteDoubleLittleEndian(payload, -2.5);
        payload[8] = 3;
        payload[9] = 0xAB;
        call.Complete(WorkerFrame.StatusOk, "{\"lives\":3,\"list\":[1,{\"a\":null}],\"s\":\"\\u00e9\"}"u8, payload);
        Assert.True(call.Completion.IsCompletedSuccessfully);
        Assert.Equal(new StepResult(-2.5, true, true), call.Result);
        Assert.Equal(0xAB, observation[0]);
        Assert.Equal(3, info.Count);
        Assert.False(info.TryGet("stale", out _));
        Assert.True(info.TryGet("list", out var list));
        Assert.Equal("[1,{\"a\":null}]", Encoding.UTF8.GetString(list.RawJson.Span));
        Assert.True(info.TryGet("s", out var text));
        Assert.Equal("\"\\u00e9\"", Encoding.UTF8.GetString(text.RawJson.Span));
    }

    [Fact]
    public void ObservationOfTheWrongSizeIsAProtocolError()
    {
        var call = new ResetCall(1, new byte[8], new EnvInfo(), slot: null);
        call.Complete(WorkerFrame.StatusOk, [], new byte[4]);
        var error = Assert.IsType<EnvException>(call.Completion.Exception!.InnerException);
        Assert.Contains("observation has 4 bytes, its space needs 8", error.Message);
    }

    [Fact]
    public void ErrorReplyBecomesPythonEnvException()
    {
        var call = new BufferedCall(WorkerCommand.Step, 1);
        call.Complete(WorkerFrame.StatusError, """{"code":"reset_needed","type":"ResetNeeded","message":"reset first","traceback":"Traceback ..."}"""u8, []);
        var error = Assert.IsType<PythonEnvException>(call.Completion.Exception!.InnerException);
        Assert.Equal(EnvErrorCodes.ResetNeeded, error.Code);
        Assert.Equal("reset first", error.Message);
        Assert.Equal("ResetNeeded", error.PythonType);
        Assert.Equal("Traceback ...", error.PythonTraceback);
    }

    [Fact]
    public void GarbledRepliesFailTheCallClearly()
    {
        var badError = new BufferedCall(WorkerCommand.Step, 1);
        badError.Complete(WorkerFrame.StatusError, "not json"u8, []);
        Assert.Contains("protocol error", badError.Completion.Exception!.InnerException!.Message);
        var badInfo = new ResetCall(1, Array.Empty<byte>(), new EnvInfo(), slot: null);
        badInfo.Complete(WorkerFrame.StatusOk, "[1,2]"u8, []);
        Assert.Contains("info is not a JSON object", badInfo.Completion.Exception!.InnerException!.Message);
    }

    [Fact]
    public void FirstOutcomeWins()
    {
        var observation = new byte[1];
        var call = new ResetCall(1, observation, new EnvInfo(), slot: null);
        Assert.True(call.TryFail(new OperationCanceledException()));
        call.Complete(WorkerFrame.StatusOk, [], [5]);
        Assert.Equal(0, observation[0]);
        Assert.IsType<OperationCanceledException>(call.Completion.Exception!.InnerException);

        var answered = new BufferedCall(WorkerCommand.Close, 1);
        answered.Complete(WorkerFrame.StatusOk, [], []);
        Assert.False(answered.TryFail(new InvalidOperationException()));
        Assert.True(answered.Completion.IsCompletedSuccessfully);
    }
}
