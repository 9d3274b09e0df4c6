using Microsoft.Extensions.Logging;

namespace GymServer.Engine.Recording;

/// <summary>The recording's log messages.</summary>
internal static partial class MediaLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Error, Message = "Video recording is off: {Reason}. Episode statistics go on.")]
    public static partial void VideoTurnedOff(ILogger logger, string reason);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Recording of {Instance} episode {Episode} failed: {Reason}")]
    public static partial void EpisodeFailed(ILogger logger, string instance, long episode, string reason);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Media cap {MaxBytes} bytes reached: deleted {Instance} episode {Episode}")]
    public static partial void EpisodeDeleted(ILogger logger, long maxBytes, string instance, long episode);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Recording of {Instance} could not render a frame: {Reason}")]
    public static partial void RenderFailed(ILogger logger, string instance, string reason);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Error, Message = "Publishing a recorded episode failed")]
    public static partial void PublishFailed(ILogger logger, Exception error);
}
