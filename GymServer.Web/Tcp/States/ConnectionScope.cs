using GymServer.Engine.Sessions;
using GymServer.Protocol.Binary;
using GymServer.Protocol.Framing;

namespace GymServer.Web.Tcp.States;

/// <summary>
/// What every state of one connection shares and hands on to its successor: the client's session, the framing
/// readers (a line being discarded stays discarded across a switch), the reply writer, who to tell about errors, and
/// the token that fires when the connection is gone, and the binary frames' compression.
/// </summary>
public sealed class ConnectionScope(
    Session session, int maxLineLength, IConnectionObserver observer, CancellationToken aborted, CompressionPolicy? compression = null)
{
    private FrameReader? _frames;
    private ReplyWriter? _replies;

    public Session Session { get; } = session;

    public LineReader Lines { get; } = new(maxLineLength);

    /// <summary>The frame reader, made when a state first reads frames; payloads are limited like lines.</summary>
    public FrameReader Frames => _frames ??= new FrameReader(Lines.MaxLineLength);

    /// <summary>Whether a refused frame's payload is still being skipped.</summary>
    public bool IsSkippingFrame => _frames is { IsDiscarding: true };

    /// <summary>The JSON reply writer of the states that never compress (protocol 1 has its own).</summary>
    public ReplyWriter Replies => _replies ??= new ReplyWriter();

    public IConnectionObserver Observer { get; } = observer;

    public CancellationToken Aborted { get; } = aborted;

    /// <summary>What the node allows of frame compression.</summary>
    public CompressionPolicy CompressionPolicy { get; } = compression ?? CompressionPolicy.Default;

    /// <summary>The frame compression agreed at the last handshake; null when none was proposed.</summary>
    public FrameCompression? Compression { get; set; }

    /// <summary>The error for a line past the maximum, in every state's words.</summary>
    public string LineTooLongMessage => $"the request line is longer than {Lines.MaxLineLength} bytes; it was discarded";
}
