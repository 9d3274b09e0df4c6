namespace GymServer.Protocol.Binary;

/// <summary>
/// How a binary frame's payload is compressed: the third byte of its header (see <see cref="FrameCompression"/>).
/// A connection agrees on one at the protocol-2 handshake (<c>"codecs"</c>); <see cref="None"/> is always understood.
/// </summary>
public enum FrameCodec : byte
{
    /// <summary>The payload as it is.</summary>
    None = 0,

    /// <summary>LZ4's block format (fast, about 2-4x on Atari frames).</summary>
    Lz4 = 1,

    /// <summary>One Zstandard frame (slower than LZ4, smaller).</summary>
    Zstd = 2,
}
