using System.Numerics;
using GymServer.Engine.Environments;
using GymServer.Engine.Rendering;
using GymServer.Engine.Sessions;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Recording;

/// <summary>
/// The recording of one env: at each reset it decides by the schedule whether the new episode gets a video, then
/// renders a frame after the reset and after every step of that episode (as Gymnasium's RecordVideo does), and
/// hands the finished episode to the background for publishing. An episode is numbered by the env's finished
/// episodes before it; one cut short by a reset or a close is dropped, not published.
/// </summary>
public sealed class EnvRecording
{
    private readonly MediaRecorder _recorder;
    private readonly SessionEnv _env;
    private EpisodeVideo? _current;

    internal EnvRecording(MediaRecorder recorder, SessionEnv env, VideoSchedule schedule)
    {
        _recorder = recorder;
        _env = env;
        Schedule = schedule;
    }

    public string InstanceId => _env.InstanceId;

    /// <summary>Which episodes get a video; a change applies from the next reset.</summary>
    public VideoSchedule Schedule { get; internal set; }

    /// <summary>The episode whose video is being made now, if any.</summary>
    public long? RecordingEpisode => _current?.Episode;

    /// <summary>The running video's ffmpeg process id once it started, if a video runs.</summary>
    internal Task<int>? EncoderStarted => _current?.EncoderStarted;

    /// <summary>Where this env's media are published, relative to /media/.</summary>
    public string Url => MediaRecorder.UrlOf(InstanceId);

    internal ValueTask OnResetAsync(BigInteger? seed, CancellationToken cancellationToken)
    {
        Abandon();
        var episode = _env.Statistics.Episodes;
        if (!Schedule.Includes(episode) || !_recorder.Status.VideoEnabled)
        {
            return ValueTask.CompletedTask;
        }
        if (_recorder.Library.PrepareFolder(InstanceId) is not string folder)
        {
            return ValueTask.CompletedTask;
        }
        _current = new EpisodeVideo(_recorder, _env, folder, episode, seed);
        return CaptureAsync(_current, cancellationToken);
    }

    /// <summary>After a step: one more frame, and when the step ended the episode, its publication.</summary>
    internal ValueTask OnStepAsync(EpisodeSummary? ended, CancellationToken cancellationToken)
    {
        if (_current is not EpisodeVideo video)
        {
            return ValueTask.CompletedTask;
        }
        var capture = CaptureAsync(video, cancellationToken);
        if (ended is not EpisodeSummary summary)
        {
            return capture;
        }
        _current = null;
        if (capture.IsCompletedSuccessfully)
        {
            Publish(video, summary);
            return ValueTask.CompletedTask;
        }
        return AwaitThenPublishAsync(capture, video, summary);

        async ValueTask AwaitThenPublishAsync(ValueTask capture, EpisodeVideo video, EpisodeSummary summary)
        {
            try
            {
                await capture.ConfigureAwait(false);
            }
            finally
            {
                Publish(video, summary);
            }
        }
    }

    /// <summary>Stops recording: an episode in progress is dropped.</summary>
    internal void Stop() => Abandon();

    /// <summary>The env is closing: the recorder forgets it.</summary>
    internal void OnClosed() => _recorder.Stop(_env);

    private void Publish(EpisodeVideo video, EpisodeSummary summary) =>
        _recorder.Track(video.FinishAsync(summary, DateTimeOffset.UtcNow));

    private void Abandon()
    {
        if (_current is EpisodeVideo video)
        {
            _current = null;
            _recorder.Track(video.AbandonAsync());
        }
    }

    /// <summary>
    /// Renders the state and queues the frame. A frame that cannot be rendered fails the video, never the client's
    /// step: the step already happened.
    /// </summary>
    private ValueTask CaptureAsync(EpisodeVideo video, CancellationToken cancellationToken)
    {
        try
        {
            var render = _env.Instance.RenderFrameAsync(cancellationToken);
            if (!render.IsCompletedSuccessfully)
            {
                return AwaitRenderAsync(render, video, cancellationToken);
            }
            return video.AddAsync(render.Result, cancellationToken);
        }
        catch (EnvException error)
        {
            video.Fail($"render failed: {error.Message}");
            return ValueTask.CompletedTask;
        }

        static async ValueTask AwaitRenderAsync(ValueTask<RenderedFrame> render, EpisodeVideo video, CancellationToken cancellationToken)
        {
            RenderedFrame frame;
            try
            {
                frame = await render.ConfigureAwait(false);
            }
            catch (EnvException error)
            {
                video.Fail($"render failed: {error.Message}");
                return;
            }
            await video.AddAsync(frame, cancellationToken).ConfigureAwait(false);
        }
    }
}
