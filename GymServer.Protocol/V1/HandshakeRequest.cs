namespace GymServer.Protocol.V1;

/// <summary>
/// <c>{"server":{"protocol":2}}</c>: the client chooses the protocol the connection speaks from the next request on.
/// Protocol 1 is the default; a connection may move from 1 to 2, never back. Protocol 2 may add
/// <c>"encoding":"binary"</c> to send step_vec as binary frames, and <c>"codecs"</c> to compress them.
/// </summary>
/// <param name="Version">The protocol version asked for.</param>
/// <param name="Encoding">The encoding asked for, or null when the request did not name one (JSON).</param>
/// <param name="Codecs">The frame compressions the client proposes, most wanted first, or null when it proposed none.</param>
public readonly record struct HandshakeRequest(int Version, WireEncoding? Encoding = null, IReadOnlyList<string>? Codecs = null);
