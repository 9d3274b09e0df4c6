namespace GymServer.Client;

/// <summary>How vector steps travel: JSON lines, or the binary frames negotiated at the handshake.</summary>
public enum GymEncoding
{
    /// <summary>Every request and reply is a JSON line (the default; every server speaks it).</summary>
    Json,

    /// <summary>
    /// step_vec requests and replies are binary frames (raw little-endian values, see docs/protocol.md "Binary
    /// encoding"); every other request stays JSON. Needs a server that accepts <c>"encoding":"binary"</c>.
    /// </summary>
    Binary,
}
