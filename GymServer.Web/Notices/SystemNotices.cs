using GymServer.Engine.Python;
using GymServer.Engine.Recording;
using GymServer.Web.Dashboard;

namespace GymServer.Web.Notices;

/// <summary>
/// Posts this node's own notices: the Python pool's state (from every snapshot), whether the configured ffmpeg
/// exists (checked at start; recording needs it), and why the recorder turned video off (a failed ffmpeg, a full
/// disk), as <see cref="MediaStatus"/> reports it.
/// </summary>
public sealed class SystemNotices(NoticeBoard board, DashboardFeed feed, MediaOptions? media = null, MediaStatus? mediaStatus = null) : IHostedService
{
    public const string PythonKey = "python";
    public const string FfmpegKey = "ffmpeg";
    public const string VideoKey = "video";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        CheckFfmpeg(Environment.GetEnvironmentVariable("PATH"));
        feed.SnapshotArrived += OnSnapshot;
        if (mediaStatus is not null)
        {
            mediaStatus.NoticeRaised += OnVideoTurnedOff;
            if (mediaStatus.VideoOffReason is { } reason)
            {
                PostVideoOff(reason);
            }
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        feed.SnapshotArrived -= OnSnapshot;
        if (mediaStatus is not null)
        {
            mediaStatus.NoticeRaised -= OnVideoTurnedOff;
        }
        return Task.CompletedTask;
    }

    /// <summary>Posts or clears the ffmpeg notice: the configured <c>Gym:Media:Ffmpeg</c>, as a path or found on this PATH.</summary>
    public void CheckFfmpeg(string? path)
    {
        var ffmpeg = media?.Ffmpeg ?? "ffmpeg";
        var found = ffmpeg.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? File.Exists(ffmpeg)
            : (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Any(directory => File.Exists(Path.Combine(directory, ffmpeg)));
        if (found)
        {
            board.Clear(FfmpegKey);
            return;
        }
        board.Post(FfmpegKey, NoticeSeverity.Warning, "No ffmpeg: episodes are not recorded",
            $"'{ffmpeg}' (Gym:Media:Ffmpeg) was not found, so recordings cannot be encoded. Install it (apt-get install ffmpeg) and restart.",
            "recording");
    }

    /// <summary>Posts or clears the Python notice for this pool state.</summary>
    public void Update(PythonSnapshot python)
    {
        switch (Enum.Parse<PythonPoolState>(python.State))
        {
            case PythonPoolState.Disabled:
                board.Post(PythonKey, NoticeSeverity.Info, "Python envs are off",
                    "Gym:Python:Workers is 0: only native envs are served.", "python");
                break;
            case PythonPoolState.Unavailable:
                board.Post(PythonKey, NoticeSeverity.Error, "Python envs unavailable",
                    $"{python.Reason ?? "the workers could not start"}. Native envs are still served.", "python");
                break;
            case PythonPoolState.Starting or PythonPoolState.Created:
                board.Post(PythonKey, NoticeSeverity.Info, "Python workers starting",
                    $"0 of {python.ConfiguredWorkers} worker(s) ready yet.", "python");
                break;
            case PythonPoolState.Stopped:
                board.Post(PythonKey, NoticeSeverity.Info, "Python workers stopped", "The server is shutting down.", "python");
                break;
            case PythonPoolState.Ready when python.Restarting > 0:
                board.Post(PythonKey, NoticeSeverity.Warning, $"{python.Restarting} Python worker(s) restarting",
                    $"{python.ConfiguredWorkers - python.Restarting} of {python.ConfiguredWorkers} worker(s) serve; envs of a lost worker were closed.",
                    "python");
                break;
            default:
                board.Clear(PythonKey);
                break;
        }
    }

    private void OnSnapshot(NodeSnapshot snapshot) => Update(snapshot.Python);

    private void OnVideoTurnedOff(MediaNotice notice) => PostVideoOff(notice.Reason);

    private void PostVideoOff(string reason) =>
        board.Post(VideoKey, NoticeSeverity.Error, "Video recording is off", $"{reason} Episode statistics go on.", "recording");
}
