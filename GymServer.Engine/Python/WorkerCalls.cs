using GymServer.Engine.Environments;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Python;

/// <summary>A call whose reply is kept as copied bytes: make, spaces, sample, render, close, list.</summary>
internal sealed class BufferedCall(WorkerCommand command, uint env) : WorkerCall(command, env)
{
    public byte[] Meta { get; private set; } = [];

    public byte[] Payload { get; private set; } = [];

    protected override void ReadReply(ReadOnlySpan<byte> meta, ReadOnlySpan<byte> payload)
    {
        Meta = meta.ToArray();
        Payload = payload.ToArray();
    }
}

/// <summary>
/// reset: the observation goes straight into the caller's buffer, from the env's shared memory slot when it has one
/// (the payload is then empty; an empty buffer leaves it in the slot), else from the payload; the info into its EnvInfo.
/// </summary>
internal sealed class ResetCall(uint env, Memory<byte> observation, EnvInfo info, SharedSlot? slot) : WorkerCall(WorkerCommand.Reset, env)
{
    protected override void ReadReply(ReadOnlySpan<byte> meta, ReadOnlySpan<byte> payload)
    {
        WorkerReplies.CopyObservation(payload, slot, observation.Span);
        WorkerReplies.FillInfo(info, meta);
    }
}

/// <summary>step: a float64 reward and a flags byte, then the observation (unless it is in the slot); the info is the meta.</summary>
internal sealed class StepCall(uint env, Memory<byte> observation, EnvInfo info, SharedSlot? slot) : WorkerCall(WorkerCommand.Step, env)
{
    public StepResult Result { get; private set; }

    protected override void ReadReply(ReadOnlySpan<byte> meta, ReadOnlySpan<byte> payload)
    {
        var result = WorkerReplies.ReadStepResult(payload, "step reply");
        WorkerReplies.CopyObservation(payload[WorkerReplies.StepResultSize..], slot, observation.Span);
        WorkerReplies.FillInfo(info, meta);
        Result = result;
    }
}
