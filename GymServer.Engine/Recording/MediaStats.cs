namespace GymServer.Engine.Recording;

/// <summary>What the media root holds: recorded episodes by status and the bytes of every file under it.</summary>
public sealed record MediaStats(bool RootExists, long CompleteRecordings, long FailedRecordings, long Bytes);
