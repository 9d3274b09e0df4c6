namespace GymServer.Protocol.V1;

/// <summary>
/// <c>{"server":{"compression":"9"}}</c>: from now on, every reply body is zlib-compressed (RFC 1950) at this level
/// and then followed by the plain "\r\n\r\n". The level is a string "0" to "9" (a JSON integer is accepted too);
/// 0 turns compression off.
/// </summary>
/// <param name="Level">The zlib level, 0 (off) to 9.</param>
public readonly record struct CompressionRequest(int Level);
