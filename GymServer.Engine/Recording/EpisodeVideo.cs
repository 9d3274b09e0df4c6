using System.Numerics;
using GymServer.Engine.Rendering;
using GymServer.Engine.Sessions;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Recording;

/// <summary>
/// One episode being recorded: frames go to an ffmpeg process writing <c>episode-000008.mp4.part</c>; at the
/// episode's end the video is renamed, its thumbnail (first frame) and metadata written, the index updated.
/// </summary>
internal sealed class EpisodeVideo
{
    private readonly MediaRecorder _recorder;
    private readonly string _instance;
    private readonly string _envId;
    private readonly string _folder;
    private readonly string _stem;
    private readonly BigInteger? _seed;
    private readonly int _fps;
    private readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;
    private VideoEncoder? _encoder;
    private FrameShape _shape;
    private byte[]? _firstFrame;
    private string? _failure;

    public EpisodeVideo(MediaRecorder recorder, SessionEnv env, string folder, long episode, BigInteger? seed)
    {
        _recorder = recorder;
        _instance = env.InstanceId;
        _envId = env.Instance.Spec.Id;
        _folder = folder;
        Episode = episode;
        _stem = MediaPaths.EpisodeStem(episode);
        _seed = seed;
        _fps = env.Instance.Spec.RenderFps is int fps and > 0 ? fps : recorder.Options.DefaultFps;
    }

    public long Episode { get; }

    /// <summary>The ffmpeg process's id once the first frame started it (tests stop it to see a failure).</summary>
    internal Task<int>? EncoderStarted => _encoder?.Started;

    /// <summary>Frames handed to the encoder so far.</summary>
    public long Frames { get; private set; }

    private string VideoName => _stem + MediaPaths.VideoExtension;

    private string PartialPath => Path.Combine(_folder, VideoName + MediaPaths.PartialSuffix);

    /// <summary>Queues a frame; starts ffmpeg on the first one (its size is the video's).</summary>
    public ValueTask AddAsync(RenderedFrame frame, CancellationToken cancellationToken)
    {
        if (_failure is not null)
        {
            return ValueTask.CompletedTask;
        }
        if (_encoder is null)
        {
            if (!Start(frame))
            {
                return ValueTask.CompletedTask;
            }
        }
        else if (frame.Shape != _shape)
        {
            Fail($"the frame size changed from {_shape} to {frame.Shape}");
            return ValueTask.CompletedTask;
        }
        Frames++;
        return _encoder!.WriteAsync(frame.Pixels.Span, cancellationToken);
    }

    /// <summary>Marks the episode failed: no more frames are taken, its metadata will say "failed".</summary>
    public void Fail(string reason)
    {
        if (_failure is null)
        {
            _failure = reason;
            MediaLog.EpisodeFailed(_recorder.Logger, _instance, Episode, reason);
        }
    }

    /// <summary>Waits for ffmpeg, then publishes video, thumbnail and metadata (off the step path).</summary>
    public async Task FinishAsync(EpisodeSummary summary, DateTimeOffset endedAt)
    {
        if (_encoder is null)
        {
            // Video off for the node before the first frame: nothing to publish, the statistics have the episode.
            // A first frame that could not be rendered: the episode is published as failed, without a video.
            if (_failure is not null && _recorder.Status.VideoEnabled)
            {
                await _recorder.Library.PublishAsync(Metadata(summary, endedAt, frames: 0, thumbnail: null)).ConfigureAwait(false);
            }
            return;
        }
        var result = await _encoder.CompleteAsync().ConfigureAwait(false);
        if (result.StartFailed)
        {
            _recorder.Status.TurnVideoOff(
                $"ffmpeg could not be started as '{_recorder.Options.Ffmpeg}' ({result.Errors}): install it (Debian: apt-get install ffmpeg) or set Gym:Media:Ffmpeg");
            return;
        }
        if (result.DiskFull)
        {
            _recorder.Status.TurnVideoOff($"the disk under {_recorder.Library.Root} is full (ffmpeg: {result.Errors})");
        }
        if (!result.Success)
        {
            Fail($"ffmpeg exited with {result.ExitCode} after {result.Frames} of {Frames} frames{(result.Errors.Length > 0 ? ": " + result.Errors : "")}");
        }
        string? thumbnail = null;
        try
        {
            if (File.Exists(PartialPath))
            {
                File.Move(PartialPath, Path.Combine(_folder, VideoName), overwrite: true);
            }
            thumbnail = _stem + MediaPaths.ThumbnailExtension;
            Thumbnail.WritePng(Path.Combine(_folder, thumbnail), _shape, _firstFrame!);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            _recorder.Status.TurnVideoOff($"writing under the media root {_recorder.Library.Root} failed ({error.Message})");
            Fail(error.Message);
            thumbnail = null;
        }
        await _recorder.Library.PublishAsync(Metadata(summary, endedAt, result.Frames, thumbnail)).ConfigureAwait(false);
    }

    private EpisodeMetadata Metadata(EpisodeSummary summary, DateTimeOffset endedAt, long frames, string? thumbnail) => new(
        _envId, _instance, Episode, _seed, summary.Return, summary.Length, summary.Seconds, _startedAt, endedAt,
        _recorder.Node.Name, VideoName, frames, thumbnail,
        _failure is null ? EpisodeMetadata.Complete : EpisodeMetadata.Failed);

    /// <summary>Drops an episode that will not end (a reset before its end, a close): ffmpeg stopped, file deleted.</summary>
    public async Task AbandonAsync()
    {
        if (_encoder is null)
        {
            return;
        }
        await _encoder.AbortAsync().ConfigureAwait(false);
        try
        {
            File.Delete(PartialPath);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            MediaLog.EpisodeFailed(_recorder.Logger, _instance, Episode, $"could not delete {PartialPath}: {error.Message}");
        }
    }

    private bool Start(RenderedFrame frame)
    {
        if (!_recorder.Status.VideoEnabled)
        {
            _failure = _recorder.Status.VideoOffReason;
            return false;
        }
        _encoder = VideoEncoder.Start(_recorder.Options.Ffmpeg, PartialPath, frame.Shape, _fps, _recorder.Options.FrameQueue);
        _shape = frame.Shape;
        _firstFrame = frame.Pixels.ToArray();
        return true;
    }
}
