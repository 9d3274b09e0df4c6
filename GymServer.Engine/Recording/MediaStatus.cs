using Microsoft.Extensions.Logging;

namespace GymServer.Engine.Recording;

/// <summary>
/// Whether this node records video, and why not when it stopped: a missing ffmpeg or a failed write (a full disk)
/// turns video off for the node, with one log line and one notice; episode statistics go on. A DI singleton the
/// dashboard reads.
/// </summary>
public sealed class MediaStatus(ILogger<MediaStatus> logger)
{
    private readonly Lock _lock = new();
    private readonly List<MediaNotice> _notices = [];
    private string? _videoOffReason;

    /// <summary>Raised once per notice, on whichever thread found the problem.</summary>
    public event Action<MediaNotice>? NoticeRaised;

    /// <summary>False once video was turned off; it stays off until the node restarts.</summary>
    public bool VideoEnabled => Volatile.Read(ref _videoOffReason) is null;

    /// <summary>Why video is off, or null while it is on.</summary>
    public string? VideoOffReason => Volatile.Read(ref _videoOffReason);

    /// <summary>Every notice since the node started, oldest first.</summary>
    public IReadOnlyList<MediaNotice> Notices
    {
        get
        {
            lock (_lock)
            {
                return [.. _notices];
            }
        }
    }

    /// <summary>Turns video off for the node. Only the first call logs and raises a notice; later ones return false.</summary>
    public bool TurnVideoOff(string reason)
    {
        MediaNotice notice;
        lock (_lock)
        {
            if (_videoOffReason is not null)
            {
                return false;
            }
            Volatile.Write(ref _videoOffReason, reason);
            notice = new MediaNotice(DateTimeOffset.UtcNow, reason);
            _notices.Add(notice);
        }
        MediaLog.VideoTurnedOff(logger, reason);
        NoticeRaised?.Invoke(notice);
        return true;
    }
}
