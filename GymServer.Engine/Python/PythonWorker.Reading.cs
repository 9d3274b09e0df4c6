using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using GymServer.Engine.Environments;

namespace GymServer.Engine.Python;

/// <summary>
/// Replies: one loop reads the worker's stdout, cuts it into frames and hands each to the call it answers. The
/// loop ends when the worker closes stdout (it exited) or breaks the protocol; either way the worker is lost.
/// </summary>
internal sealed partial class PythonWorker
{
    private void StartReading()
    {
        _process.ErrorDataReceived += OnStderrLine;
        _process.BeginErrorReadLine();
        _ = Task.Run(ReadLoopAsync);
    }

    private async Task ReadLoopAsync()
    {
        var reader = PipeReader.Create(_process.StandardOutput.BaseStream, new StreamPipeReaderOptions(bufferSize: 1 << 16));
        string? failure = null;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync().ConfigureAwait(false);
                var buffer = result.Buffer;
                try
                {
                    while (TryReadFrame(ref buffer))
                    {
                    }
                    if (result.IsCompleted)
                    {
                        failure = buffer.IsEmpty ? null : "its output ended inside a frame";
                        break;
                    }
                }
                finally
                {
                    // Consumed up to the last whole frame; examined everything, so the next read waits for more bytes.
                    reader.AdvanceTo(buffer.Start, buffer.End);
                }
            }
        }
        catch (EnvException error)
        {
            failure = error.Message;
        }
        catch (IOException error)
        {
            failure = $"reading its output failed: {error.Message}";
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
        await OnOutputEndedAsync(failure).ConfigureAwait(false);
    }

    /// <summary>Dispatches the first frame of <paramref name="buffer"/> if it is all there, and slices it off.</summary>
    private bool TryReadFrame(ref ReadOnlySequence<byte> buffer)
    {
        if (buffer.Length < 4)
        {
            return false;
        }
        Span<byte> prefix = stackalloc byte[4];
        buffer.Slice(0, 4).CopyTo(prefix);
        var length = BinaryPrimitives.ReadUInt32LittleEndian(prefix);
        if (length < WorkerFrame.HeaderAfterLength || length > (uint)_options.MaxFrameBytes)
        {
            throw WorkerErrors.Protocol($"frame length {length} is outside 13..{_options.MaxFrameBytes}");
        }
        if (buffer.Length < 4 + length)
        {
            return false;
        }
        var frame = buffer.Slice(0, 4 + length);
        if (frame.IsSingleSegment)
        {
            Dispatch(frame.FirstSpan);
        }
        else
        {
            var copy = ArrayPool<byte>.Shared.Rent((int)frame.Length);
            try
            {
                frame.CopyTo(copy);
                Dispatch(copy.AsSpan(0, (int)frame.Length));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(copy);
            }
        }
        buffer = buffer.Slice(frame.End);
        return true;
    }

    private void Dispatch(ReadOnlySpan<byte> frame)
    {
        var status = frame[4];
        var callId = BinaryPrimitives.ReadUInt32LittleEndian(frame[5..]);
        var metaLength = BinaryPrimitives.ReadUInt32LittleEndian(frame[13..]);
        if (metaLength > frame.Length - WorkerFrame.HeaderSize)
        {
            throw WorkerErrors.Protocol($"meta length {metaLength} exceeds its frame");
        }
        var meta = frame.Slice(WorkerFrame.HeaderSize, (int)metaLength);
        var payload = frame[(WorkerFrame.HeaderSize + (int)metaLength)..];
        TakeAnswered(callId).Complete(status, meta, payload);
    }

    private async Task OnOutputEndedAsync(string? failure)
    {
        if (IsLost)
        {
            // Aborted or stopped on purpose: its reason is already recorded.
            return;
        }
        if (failure is not null)
        {
            Abort(failure);
            return;
        }
        // The worker closed its output, so it is exiting: wait a moment for its exit code (and last stderr lines).
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            Abort(ExitDescription(_process.ExitCode));
        }
        catch (OperationCanceledException)
        {
            Abort("it closed its output but did not exit");
        }
    }

    private static string ExitDescription(int code) =>
        code > 128 && code < 160 ? $"killed by signal {code - 128}" : $"exited with code {code}";
}
