using System.Buffers;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using GymServer.Engine.Rendering;

namespace GymServer.Engine.Recording;

/// <summary>
/// One ffmpeg process turning raw rgb24 frames, piped to its stdin, into an H.264 MP4 (yuv420p, playable in every
/// browser). Frames wait in a bounded channel that a pump task writes to ffmpeg, so encoding happens off the step
/// path and an env's step waits only when the channel is full. Frame buffers are pooled.
/// </summary>
internal sealed class VideoEncoder
{
    private readonly Channel<byte[]> _frames;
    private readonly int _frameBytes;
    private readonly Task<long> _pump;
    private readonly TaskCompletionSource<int> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _process;
    private Task<string> _errors = Task.FromResult("");
    private string? _startError;
    private bool _broken;

    private VideoEncoder(ProcessStartInfo start, FrameShape shape, int capacity)
    {
        _frameBytes = shape.ByteSize;
        _frames = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        // Starting a process takes milliseconds: the pump does it, so the step that opens a video does not wait.
        _pump = Task.Run(() => PumpAsync(start));
    }

    /// <summary>
    /// An encoder writing <paramref name="output"/>, at once: ffmpeg is started in the background, and a failure to
    /// start it (not installed, wrong path) comes back from <see cref="CompleteAsync"/>.
    /// </summary>
    public static VideoEncoder Start(string ffmpeg, string output, FrameShape shape, int fps, int capacity)
    {
        var start = new ProcessStartInfo(ffmpeg)
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(output, shape, fps))
        {
            start.ArgumentList.Add(argument);
        }
        return new VideoEncoder(start, shape, capacity);
    }

    /// <summary>The ffmpeg command line: raw frames in on stdin, H.264 in an MP4 out.</summary>
    public static IEnumerable<string> Arguments(string output, FrameShape shape, int fps)
    {
        var invariant = CultureInfo.InvariantCulture;
        return
        [
            "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
            "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", $"{shape.Width.ToString(invariant)}x{shape.Height.ToString(invariant)}",
            "-r", fps.ToString(invariant), "-i", "-",
            // yuv420p needs even sides: pad an odd width or height with one black column or row.
            "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-threads", "1",
            "-movflags", "+faststart", "-f", "mp4", output,
        ];
    }

    /// <summary>The ffmpeg process id once it runs (fails when it could not start), for whoever must stop it.</summary>
    public Task<int> Started => _started.Task;

    /// <summary>Queues a copy of <paramref name="frame"/>; waits only while <c>capacity</c> frames are queued.</summary>
    public ValueTask WriteAsync(ReadOnlySpan<byte> frame, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(_frameBytes);
        frame.CopyTo(buffer);
        return _frames.Writer.TryWrite(buffer) ? ValueTask.CompletedTask : WriteSlowAsync(buffer, cancellationToken);
    }

    private async ValueTask WriteSlowAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            await _frames.Writer.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>Ends the input and waits for ffmpeg: the result says whether the MP4 is whole.</summary>
    public async Task<EncodeResult> CompleteAsync()
    {
        _frames.Writer.TryComplete();
        var written = await _pump.ConfigureAwait(false);
        if (_process is null)
        {
            return new EncodeResult(false, 0, -1, _startError ?? "ffmpeg did not start") { StartFailed = true };
        }
        await _process.WaitForExitAsync().ConfigureAwait(false);
        var errors = (await _errors.ConfigureAwait(false)).Trim();
        var exitCode = _process.ExitCode;
        _process.Dispose();
        return new EncodeResult(exitCode == 0 && !_broken, written, exitCode, errors);
    }

    /// <summary>Stops ffmpeg without waiting for a whole video (an episode abandoned by a reset or a close).</summary>
    public async Task AbortAsync()
    {
        _frames.Writer.TryComplete();
        _broken = true;
        if (await _started.Task.ContinueWith(static started => started.IsCompletedSuccessfully, TaskScheduler.Default).ConfigureAwait(false))
        {
            try
            {
                _process!.Kill();
            }
            catch (InvalidOperationException)
            {
                // It has exited already.
            }
        }
        await _pump.ConfigureAwait(false);
        if (_process is not null)
        {
            await _process.WaitForExitAsync().ConfigureAwait(false);
            await _errors.ConfigureAwait(false);
            _process.Dispose();
        }
    }

    /// <summary>
    /// Starts ffmpeg, then writes queued frames to it; returns how many it took. A broken pipe (ffmpeg died) sets
    /// <see cref="_broken"/>; ffmpeg failing to start sets <see cref="_startError"/>. Either way the channel is
    /// drained, so a writer waiting on a full channel is never stuck.
    /// </summary>
    private async Task<long> PumpAsync(ProcessStartInfo start)
    {
        try
        {
            _process = Process.Start(start) ?? throw new Win32Exception($"{start.FileName} did not start");
            // ffmpeg logs errors only (-loglevel error); reading them keeps it from blocking on a full stderr pipe.
            _errors = _process.StandardError.ReadToEndAsync();
            _started.SetResult(_process.Id);
        }
        catch (Win32Exception error)
        {
            _startError = error.Message;
            _started.SetException(error);
        }
        var input = _process?.StandardInput.BaseStream;
        long written = 0;
        await foreach (var frame in _frames.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                if (input is not null && !_broken)
                {
                    await input.WriteAsync(frame.AsMemory(0, _frameBytes)).ConfigureAwait(false);
                    written++;
                }
            }
            catch (IOException)
            {
                _broken = true;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(frame);
            }
        }
        try
        {
            input?.Close();
        }
        catch (IOException)
        {
            _broken = true;
        }
        return written;
    }
}
