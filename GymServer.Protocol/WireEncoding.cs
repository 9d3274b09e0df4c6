namespace GymServer.Protocol;

/// <summary>How a protocol-2 connection may send its hot requests, chosen at the handshake.</summary>
public enum WireEncoding
{
    /// <summary>JSON lines only (the default).</summary>
    Json,

    /// <summary>JSON lines, and binary frames (0xB7) for step_vec; see <see cref="Binary.FrameHeader"/>.</summary>
    Binary,
}
