namespace GymServer.Protocol.Binary;

/// <summary>What <see cref="FrameReader.TryRead"/> found in the buffer.</summary>
public enum FrameStatus
{
    /// <summary>No complete frame yet: read more bytes.</summary>
    NeedMoreData,

    /// <summary>A complete frame: its header and payload.</summary>
    Frame,

    /// <summary>
    /// A frame whose payload is longer than the maximum. The caller answers it with an error once; the reader skips
    /// its payload as the bytes arrive.
    /// </summary>
    TooLong,
}
