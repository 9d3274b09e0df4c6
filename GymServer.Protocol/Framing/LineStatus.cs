namespace GymServer.Protocol.Framing;

/// <summary>What <see cref="LineReader.TryRead"/> found in the buffer.</summary>
public enum LineStatus
{
    /// <summary>No complete line yet: read more bytes.</summary>
    NeedMoreData,

    /// <summary>A complete line, without its terminator.</summary>
    Line,

    /// <summary>
    /// A line longer than the maximum. The caller answers it with an error once; the reader discards the rest of
    /// that line, up to and including its terminator, as the bytes arrive.
    /// </summary>
    TooLong,
}
