namespace GymServer.Client;

/// <summary>
/// A binary frame of the protocol (docs/protocol.md, "Binary encoding"): u8 magic 0xB7, u8 type, u16 reserved,
/// u32 payload length, all little-endian, then the payload.
/// </summary>
internal readonly record struct BinaryFrame(byte Type, byte[] Payload)
{
    /// <summary>The first byte of every frame: a UTF-8 continuation byte, so never the first byte of a JSON line.</summary>
    public const byte Magic = 0xB7;

    /// <summary>Bytes of the header before the payload.</summary>
    public const int HeaderSize = 8;

    /// <summary>A step_vec request.</summary>
    public const byte StepVecRequest = 0x01;

    /// <summary>The reply to a step_vec request.</summary>
    public const byte StepVecReply = 0x81;

    /// <summary>An error reply, whose payload is the JSON <c>{"error":{"code":..,"message":..}}</c>.</summary>
    public const byte ErrorReply = 0x7F;
}
