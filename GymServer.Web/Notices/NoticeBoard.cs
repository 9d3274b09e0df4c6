namespace GymServer.Web.Notices;

/// <summary>
/// The node's notices: what is off and why. Any part of the server posts a notice under a key while its condition
/// holds and clears the key when it is over; the dashboard shows the board and re-renders on <see cref="Changed"/>.
/// </summary>
public sealed class NoticeBoard
{
    private readonly Dictionary<string, Notice> _notices = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Raised after a notice was posted, replaced or cleared.</summary>
    public event Action? Changed;

    /// <summary>Posts a notice, replacing any under the same key (an identical one changes nothing).</summary>
    public void Post(string key, NoticeSeverity severity, string title, string detail, string source)
    {
        lock (_lock)
        {
            if (_notices.TryGetValue(key, out var existing)
                && existing.Severity == severity && existing.Title == title && existing.Detail == detail && existing.Source == source)
            {
                return;
            }
            _notices[key] = new Notice(key, severity, title, detail, source, DateTimeOffset.UtcNow);
        }
        Changed?.Invoke();
    }

    /// <summary>Clears the notice under <paramref name="key"/>, if there is one.</summary>
    public void Clear(string key)
    {
        bool removed;
        lock (_lock)
        {
            removed = _notices.Remove(key);
        }
        if (removed)
        {
            Changed?.Invoke();
        }
    }

    /// <summary>The current notices, most severe first, then by key.</summary>
    public IReadOnlyList<Notice> Current()
    {
        lock (_lock)
        {
            return [.. _notices.Values.OrderByDescending(notice => notice.Severity).ThenBy(notice => notice.Key, StringComparer.Ordinal)];
        }
    }
}
