namespace GymServer.Client;

/// <summary>How requests and replies travel: JSON lines, or the binary frames negotiated at the handshake.</summary>
public enum GymEncoding
{
    /// <summary>Every request and reply is a JSON line (every server speaks it).</summary>
    Json,

    /// <summary>
    /// reset, step, sample, reset_vec and step_vec travel as binary frames (raw little-endian values, see
    /// docs/protocol.md "Binary encoding"); the other requests stay JSON lines. Needs a server that accepts
    /// <c>"encoding":"binary"</c>.
    /// </summary>
    Binary,
}
