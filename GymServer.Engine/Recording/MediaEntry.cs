namespace GymServer.Engine.Recording;

/// <summary>One entry of a media listing: an instance folder or a file in one.</summary>
/// <param name="Name">The folder or file name (one path segment).</param>
/// <param name="IsFolder">True for an instance folder.</param>
/// <param name="Bytes">The file's size, or the folder's total.</param>
/// <param name="Modified">When it last changed (UTC).</param>
public sealed record MediaEntry(string Name, bool IsFolder, long Bytes, DateTimeOffset Modified);
