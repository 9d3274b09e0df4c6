namespace GymServer.Engine.Recording;

/// <summary>How an ffmpeg run ended.</summary>
/// <param name="Success">True when every frame reached ffmpeg and it exited with 0.</param>
/// <param name="Frames">Frames ffmpeg took.</param>
/// <param name="ExitCode">ffmpeg's exit code (non-zero, or a signal's, on failure).</param>
/// <param name="Errors">What ffmpeg printed on stderr.</param>
internal sealed record EncodeResult(bool Success, long Frames, int ExitCode, string Errors)
{
    /// <summary>ffmpeg could not be started at all (<see cref="Errors"/> says why): video goes off for the node.</summary>
    public bool StartFailed { get; init; }

    /// <summary>Whether the failure was the disk filling up (video then stops for the whole node).</summary>
    public bool DiskFull => Errors.Contains("No space left on device", StringComparison.OrdinalIgnoreCase);
}
