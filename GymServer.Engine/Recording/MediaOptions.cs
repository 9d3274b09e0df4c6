namespace GymServer.Engine.Recording;

/// <summary>Where and how episodes are recorded (<c>Gym:Media</c> in configuration).</summary>
public sealed class MediaOptions
{
    /// <summary>The folder videos, thumbnails and metadata are written to, and /media/ serves.</summary>
    public string Root { get; set; } = "media";

    /// <summary>Which episodes of a recorded env get a video: "cubic" (Gymnasium's default), "every:N" or "none".</summary>
    public string Schedule { get; set; } = VideoSchedule.CubicName;

    /// <summary>The most bytes the media root may hold; past it the oldest episodes are deleted. 0: no cap.</summary>
    public long MaxBytes { get; set; } = 1L << 30;

    /// <summary>The ffmpeg executable: a name looked up on PATH, or a path.</summary>
    public string Ffmpeg { get; set; } = "ffmpeg";

    /// <summary>
    /// Frames a recording may hold waiting for ffmpeg before the env's step waits for the encoder: the bound on
    /// the memory a recording takes and on how far a fast agent runs ahead of the video.
    /// </summary>
    public int FrameQueue { get; set; } = 64;

    /// <summary>The frame rate of envs whose spec has no render_fps.</summary>
    public int DefaultFps { get; set; } = 30;
}
