using System.Buffers;
using GymServer.Protocol.Binary;

namespace GymServer.Web.Tcp.States;

/// <summary>
/// One request as a connection state framed it: a line or a frame, or what is left of one the framing refused. Its
/// bytes point into the connection's input pipe: valid until the read loop advances it, so a state reads them before
/// anything can wait.
/// </summary>
public readonly struct TcpRequest
{
    private TcpRequest(RequestFraming framing, ReadOnlySequence<byte> bytes, FrameHeader header)
    {
        Framing = framing;
        Bytes = bytes;
        Header = header;
    }

    public RequestFraming Framing { get; }

    /// <summary>The line (without its terminator), the frame's payload, or the bytes of a frame cut off.</summary>
    public ReadOnlySequence<byte> Bytes { get; }

    /// <summary>The frame's header (frames only).</summary>
    public FrameHeader Header { get; }

    public static TcpRequest Line(ReadOnlySequence<byte> line) => new(RequestFraming.Line, line, default);

    public static TcpRequest LineTooLong() => new(RequestFraming.LineTooLong, default, default);

    public static TcpRequest Frame(FrameHeader header, ReadOnlySequence<byte> payload) => new(RequestFraming.Frame, payload, header);

    public static TcpRequest FrameTooLong(FrameHeader header) => new(RequestFraming.FrameTooLong, default, header);

    public static TcpRequest FrameCutOff(ReadOnlySequence<byte> arrived) => new(RequestFraming.FrameCutOff, arrived, default);
}
