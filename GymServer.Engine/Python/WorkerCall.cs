using System.Text.Json;
using GymServer.Engine.Environments;

namespace GymServer.Engine.Python;

/// <summary>
/// One request in flight. The reader loop hands it its reply, which it reads straight into the caller's buffers;
/// or the worker fails it when lost. Whichever comes first wins, so a call given up (cancelled, worker lost) is
/// never written into after its caller has moved on.
/// </summary>
internal abstract class WorkerCall(WorkerCommand command, uint env)
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _finished;

    public WorkerCommand Command { get; } = command;

    public uint Env { get; } = env;

    /// <summary>The call id, set when the request is written.</summary>
    public uint Id { get; set; }

    public Task Completion => _completion.Task;

    /// <summary>Called by the reader loop with the reply; does nothing if the call was already given up.</summary>
    public void Complete(byte status, ReadOnlySpan<byte> meta, ReadOnlySpan<byte> payload)
    {
        if (Interlocked.Exchange(ref _finished, 1) != 0)
        {
            return;
        }
        try
        {
            if (status != WorkerFrame.StatusOk)
            {
                _completion.SetException(WorkerErrors.FromReply(meta));
                return;
            }
            ReadReply(meta, payload);
            _completion.SetResult();
        }
        catch (JsonException error)
        {
            _completion.SetException(WorkerErrors.Protocol($"{Command} reply is not valid JSON: {error.Message}"));
        }
        catch (EnvException error)
        {
            _completion.SetException(error);
        }
    }

    /// <summary>Fails the call unless its reply already arrived; false when it did (the caller then awaits it).</summary>
    public bool TryFail(Exception error)
    {
        if (Interlocked.Exchange(ref _finished, 1) != 0)
        {
            return false;
        }
        _completion.SetException(error);
        return true;
    }

    /// <summary>Reads an OK reply; throws <see cref="EnvException"/> when it does not have the expected form.</summary>
    protected abstract void ReadReply(ReadOnlySpan<byte> meta, ReadOnlySpan<byte> payload);
}
