using GymServer.Protocol.Binary;

namespace GymServer.Client;

/// <summary>
/// A binary frame as read off the connection: its type (<see cref="FrameType"/>) and payload. The header's layout is
/// the protocol's <see cref="FrameHeader"/>.
/// </summary>
internal readonly record struct BinaryFrame(byte Type, byte[] Payload);
