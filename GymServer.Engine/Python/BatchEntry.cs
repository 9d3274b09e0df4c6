using System.Buffers.Binary;
using System.Threading.Tasks.Sources;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Python;

/// <summary>
/// One sub-env's reset or step in a <c>batch</c> request: what it writes into the request, where its reply goes
/// (the caller's observation buffer and info), and the task its caller awaits.
/// </summary>
internal sealed class BatchEntry : IValueTaskSource<StepResult>, IValueTaskSource
{
    /// <summary>The request's u32 entry count.</summary>
    public const int CountSize = 4;

    /// <summary>An entry's fixed part: u32 handle, u8 op, u32 meta length, u32 action length.</summary>
    private const int FixedSize = 4 + 1 + 4 + 4;

    private const byte StepOp = 0;
    private const byte ResetOp = 1;

    /// <summary>A reply entry's head: u8 status, u32 JSON length.</summary>
    private const int ReplyHeadSize = 5;

    private readonly uint _handle;
    private readonly bool _reset;
    private readonly ReadOnlyMemory<byte> _meta;
    private readonly ReadOnlyMemory<byte> _action;
    private readonly Memory<byte> _observation;
    private readonly EnvInfo _info;
    private readonly SharedSlot? _slot;
    private StepResult _result;
    private Exception? _error;

    // Continuations run on the thread that finishes the batch, a thread-pool thread (never the worker's reader
    // thread): the sub-env awaited first resumes there without another hop.
    private ManualResetValueTaskSourceCore<StepResult> _completion = new() { RunContinuationsAsynchronously = false };

    public BatchEntry(uint handle, bool reset, ReadOnlyMemory<byte> meta, ReadOnlyMemory<byte> action, Memory<byte> observation, EnvInfo info, SharedSlot? slot)
    {
        _handle = handle;
        _reset = reset;
        _meta = meta;
        _action = action;
        _observation = observation;
        _info = info;
        _slot = slot;
    }

    public int RequestSize => FixedSize + _meta.Length + _action.Length;

    public ValueTask AsReset() => new(this, _completion.Version);

    public ValueTask<StepResult> AsStep() => new(this, _completion.Version);

    /// <summary>Writes the entry into the request; returns its size.</summary>
    public int WriteRequest(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, _handle);
        destination[4] = _reset ? ResetOp : StepOp;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[5..], (uint)_meta.Length);
        _meta.Span.CopyTo(destination[9..]);
        var at = 9 + _meta.Length;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[at..], (uint)_action.Length);
        _action.Span.CopyTo(destination[(at + 4)..]);
        return RequestSize;
    }

    /// <summary>
    /// Reads the entry's part of the reply at the start of <paramref name="payload"/>, on the reader thread: its
    /// observation into the caller's buffer (from the env's slot, else from the payload; left in the slot when the
    /// buffer is empty, see <see cref="WorkerReplies.CopyObservation(ReadOnlySpan{byte}, SharedSlot?, Span{byte})"/>),
    /// its info, its result; or the error the worker reported for it. Returns the bytes read.
    /// </summary>
    public int ReadReply(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < ReplyHeadSize)
        {
            throw WorkerErrors.Protocol("a batch reply is cut short");
        }
        var status = payload[0];
        var jsonLength = BinaryPrimitives.ReadUInt32LittleEndian(payload[1..]);
        if (jsonLength > payload.Length - ReplyHeadSize)
        {
            throw WorkerErrors.Protocol($"a batch reply entry's JSON of {jsonLength} bytes exceeds the reply");
        }
        var json = payload.Slice(ReplyHeadSize, (int)jsonLength);
        var at = ReplyHeadSize + (int)jsonLength;
        if (status != WorkerFrame.StatusOk)
        {
            _error = WorkerErrors.FromReply(json);
            return at;
        }
        if (!_reset)
        {
            _result = WorkerReplies.ReadStepResult(payload[at..], "a batch reply's step");
            at += WorkerReplies.StepResultSize;
        }
        var piped = _slot is null ? _observation.Length : 0;
        if (piped > payload.Length - at)
        {
            throw WorkerErrors.Protocol("a batch reply is cut short in an observation");
        }
        WorkerReplies.CopyObservation(payload.Slice(at, piped), _slot, _observation.Span);
        WorkerReplies.FillInfo(_info, json);
        return at + piped;
    }

    /// <summary>Completes the caller's task: with the batch's failure when the whole call failed, else the entry's own.</summary>
    public void Finish(Exception? batchFailure)
    {
        if ((batchFailure ?? _error) is { } error)
        {
            _completion.SetException(error);
        }
        else
        {
            _completion.SetResult(_result);
        }
    }

    public StepResult GetResult(short token) => _completion.GetResult(token);

    void IValueTaskSource.GetResult(short token) => _completion.GetResult(token);

    public ValueTaskSourceStatus GetStatus(short token) => _completion.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _completion.OnCompleted(continuation, state, token, flags);
}

/// <summary>The <c>batch</c> call: its reply is read entry by entry into the entries.</summary>
internal sealed class BatchCall(BatchEntry[] entries) : WorkerCall(WorkerCommand.Batch, env: 0)
{
    protected override void ReadReply(ReadOnlySpan<byte> meta, ReadOnlySpan<byte> payload)
    {
        var at = 0;
        foreach (var entry in entries)
        {
            at += entry.ReadReply(payload[at..]);
        }
        if (at != payload.Length)
        {
            throw WorkerErrors.Protocol($"a batch reply of {entries.Length} entries has {payload.Length - at} bytes left over");
        }
    }
}
