using System.Collections.Concurrent;
using GymServer.Engine.Nodes;
using GymServer.Engine.Sessions;
using Microsoft.Extensions.Logging;

namespace GymServer.Engine.Recording;

/// <summary>
/// Starts and stops the recording of envs (a DI singleton): the TCP protocols call it, and so may the REST API.
/// Statistics are kept for every env regardless; a recording adds videos of the episodes its schedule picks,
/// published under the media root as <c>&lt;instance&gt;/episode-000008.mp4</c> with a thumbnail and metadata.
/// </summary>
public sealed class MediaRecorder
{
    private readonly ConcurrentDictionary<Task, byte> _pending = new();
    private readonly ConcurrentDictionary<string, EnvRecording> _active = new(StringComparer.Ordinal);

    public MediaRecorder(MediaOptions options, MediaLibrary library, MediaStatus status, NodeIdentity node, ILogger<MediaRecorder> logger)
    {
        Options = options;
        Node = node;
        Library = library;
        Status = status;
        Logger = logger;
        Schedule = VideoSchedule.Parse(options.Schedule);
    }

    /// <summary>The node's schedule (<c>Gym:Media:Schedule</c>), used when a request names none.</summary>
    public VideoSchedule Schedule { get; }

    public MediaOptions Options { get; }

    public MediaLibrary Library { get; }

    /// <summary>This node, named in the metadata of the episodes it records.</summary>
    public NodeIdentity Node { get; }

    public MediaStatus Status { get; }

    internal ILogger Logger { get; }

    /// <summary>The envs being recorded on this node now.</summary>
    public IReadOnlyCollection<EnvRecording> Active => [.. _active.Values];

    /// <summary>An instance's media folder, relative to /media/: what the <c>url</c> command returns.</summary>
    public static string UrlOf(string instanceId) => instanceId + "/";

    /// <summary>
    /// Records <paramref name="env"/> from its next reset on, with <paramref name="schedule"/> (the node's when
    /// null). Recording an env already recorded changes its schedule. A Python env gets videos only if it
    /// was made with render_mode rgb_array (<see cref="StartAsync"/> sees to that).
    /// </summary>
    public EnvRecording Start(SessionEnv env, VideoSchedule? schedule = null)
    {
        schedule ??= Schedule;
        if (env.Recording is EnvRecording running)
        {
            running.Schedule = schedule;
            return running;
        }
        var recording = new EnvRecording(this, env, schedule);
        env.Recording = recording;
        _active[env.InstanceId] = recording;
        return recording;
    }

    /// <summary>
    /// <see cref="Start"/>, after the env prepared its frames when videos are wanted (<see cref="IEnvInstance.PrepareFramesAsync"/>:
    /// a Python env made without render_mode rgb_array is made again with it, its state lost: the client resets next, as
    /// it does after starting a recording). Fails with the env's error when it cannot render rgb_array frames.
    /// </summary>
    public async ValueTask<EnvRecording> StartAsync(SessionEnv env, VideoSchedule? schedule, CancellationToken cancellationToken)
    {
        schedule ??= Schedule;
        if (schedule.RecordsVideo && Status.VideoEnabled)
        {
            await env.Instance.PrepareFramesAsync(cancellationToken).ConfigureAwait(false);
        }
        return Start(env, schedule);
    }

    /// <summary>Stops recording <paramref name="env"/>; an episode in progress is dropped.</summary>
    public void Stop(SessionEnv env)
    {
        if (env.Recording is EnvRecording recording)
        {
            env.Recording = null;
            _active.TryRemove(env.InstanceId, out _);
            recording.Stop();
        }
    }

    /// <summary>Completes when every video handed to the background so far is published or dropped.</summary>
    public Task IdleAsync() => Task.WhenAll(_pending.Keys);

    /// <summary>Logs that an env cannot give frames, so it is recorded without video.</summary>
    public void NoFrames(SessionEnv env, Exception error) => MediaLog.RenderFailed(Logger, env.InstanceId, error.Message);

    internal void Track(Task task)
    {
        _pending.TryAdd(task, 0);
        task.ContinueWith(static (done, state) =>
        {
            var recorder = (MediaRecorder)state!;
            recorder._pending.TryRemove(done, out _);
            if (done.Exception is AggregateException error)
            {
                MediaLog.PublishFailed(recorder.Logger, error.InnerException ?? error);
            }
        }, this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
