using GymServer.Engine.Python;
using GymServer.Web.Dashboard;

namespace GymServer.Web.Notices;

/// <summary>
/// Posts this node's own notices: the Python pool's state (from every snapshot) and whether ffmpeg is on the PATH
/// (checked at start; recording needs it). Other parts post theirs (the media side: its disk cap).
/// </summary>
public sealed class SystemNotices(NoticeBoard board, DashboardFeed feed) : IHostedService
{
    public const string PythonKey = "python";
    public const string FfmpegKey = "ffmpeg";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        CheckFfmpeg(Environment.GetEnvironmentVariable("PATH"));
        feed.SnapshotArrived += OnSnapshot;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        feed.SnapshotArrived -= OnSnapshot;
        return Task.CompletedTask;
    }

    /// <summary>Posts or clears the ffmpeg notice for this PATH.</summary>
    public void CheckFfmpeg(string? path)
    {
        var found = (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, "ffmpeg")));
        if (found)
        {
            board.Clear(FfmpegKey);
            return;
        }
        board.Post(FfmpegKey, NoticeSeverity.Warning, "No ffmpeg: episodes are not recorded",
            "ffmpeg was not found on the PATH, so recordings cannot be encoded. Install it (apt-get install ffmpeg) and restart.",
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
}
