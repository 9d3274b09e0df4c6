namespace GymServer.Web.Tcp.States;

/// <summary>What a connection state's framing took off the stream.</summary>
public enum RequestFraming
{
    /// <summary>A request line, without its terminator (or the last bytes before the peer closed).</summary>
    Line,

    /// <summary>A line longer than the maximum: answered with an error; the framing discards the rest of it.</summary>
    LineTooLong,

    /// <summary>A binary frame: its header and payload.</summary>
    Frame,

    /// <summary>A frame whose payload is longer than the maximum: answered with an error; the framing skips it.</summary>
    FrameTooLong,

    /// <summary>The peer closed the stream inside a frame: the bytes of it that arrived.</summary>
    FrameCutOff,
}
