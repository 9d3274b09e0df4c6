using System.Buffers.Binary;
using GymServer.Engine.Environments;

namespace GymServer.Engine.Python;

/// <summary>
/// Replies: a dedicated thread reads the worker's stdout with blocking reads, cuts it into frames and hands each to
/// the call it answers. A thread per worker (a handful per node) costs less per reply than async reads, which add
/// an epoll wake-up and a thread-pool hop to every step. The loop ends when the worker closes stdout (it exited)
/// or breaks the protocol; either way the worker is lost.
/// </summary>
internal sealed partial class PythonWorker
{
    private const int InitialReadBuffer = 1 << 16;

    private void StartReading()
    {
        _process.ErrorDataReceived += OnStderrLine;
        _process.BeginErrorReadLine();
        var reader = new Thread(ReadLoop) { IsBackground = true, Name = $"python-worker-{Slot}" };
        reader.Start();
    }

    private void ReadLoop()
    {
        var output = _process.StandardOutput.BaseStream;
        var buffer = new byte[InitialReadBuffer];
        var start = 0;
        var end = 0;
        string? failure = null;
        try
        {
            while (true)
            {
                var read = output.Read(buffer, end, buffer.Length - end);
                if (read == 0)
                {
                    failure = end > start ? "its output ended inside a frame" : null;
                    break;
                }
                end += read;
                start += DispatchFrames(buffer.AsSpan(start, end - start), out var needed);
                if (start == end)
                {
                    start = end = 0;
                }
                else if (buffer.Length - start < needed)
                {
                    // Make room for the whole of the next frame: move what is left to the front, grow if that is not enough.
                    var larger = needed > buffer.Length ? new byte[Math.Max(needed, buffer.Length * 2)] : buffer;
                    Buffer.BlockCopy(buffer, start, larger, 0, end - start);
                    (buffer, end, start) = (larger, end - start, 0);
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
        catch (ObjectDisposedException)
        {
            failure = "its output was closed";
        }
        OnOutputEnded(failure);
    }

    /// <summary>Dispatches every whole frame at the start of <paramref name="data"/>; returns the bytes used.</summary>
    /// <param name="data">Unconsumed bytes read so far.</param>
    /// <param name="needed">The size of the first incomplete frame (or of its length prefix).</param>
    private int DispatchFrames(ReadOnlySpan<byte> data, out int needed)
    {
        var used = 0;
        while (true)
        {
            var rest = data[used..];
            if (rest.Length < 4)
            {
                needed = 4;
                return used;
            }
            var length = BinaryPrimitives.ReadUInt32LittleEndian(rest);
            if (length < WorkerFrame.HeaderAfterLength || length > (uint)_options.MaxFrameBytes)
            {
                throw WorkerErrors.Protocol($"frame length {length} is outside 13..{_options.MaxFrameBytes}");
            }
            var size = 4 + (int)length;
            if (rest.Length < size)
            {
                needed = size;
                return used;
            }
            Dispatch(rest[..size]);
            used += size;
        }
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

    private void OnOutputEnded(string? failure)
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
        try
        {
            Abort(_process.WaitForExit(TimeSpan.FromSeconds(1)) ? ExitDescription(_process.ExitCode) : "it closed its output but did not exit");
        }
        catch (InvalidOperationException)
        {
            Abort("it exited");
        }
    }

    private static string ExitDescription(int code) =>
        code > 128 && code < 160 ? $"killed by signal {code - 128}" : $"exited with code {code}";
}
