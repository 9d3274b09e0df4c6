namespace GymServer.Web.Notices;

/// <summary>Something that is off on this node, and why.</summary>
/// <param name="Key">Identifies the condition ("python", "ffmpeg", "media.disk-cap"); posting the same key replaces it.</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="Title">A short headline: "Python envs unavailable".</param>
/// <param name="Detail">Why, and what to do about it.</param>
/// <param name="Source">Who posted it ("python", "media", ...).</param>
/// <param name="PostedAt">When it was posted (UTC).</param>
public sealed record Notice(string Key, NoticeSeverity Severity, string Title, string Detail, string Source, DateTimeOffset PostedAt);
