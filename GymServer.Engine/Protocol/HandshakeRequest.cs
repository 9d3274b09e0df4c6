namespace GymServer.Engine.Protocol;

/// <summary>
/// <c>{"server":{"protocol":2}}</c>: the client chooses the protocol the connection speaks from the next request on.
/// Protocol 1 is the default; a connection may move from 1 to 2, never back.
/// </summary>
/// <param name="Version">The protocol version asked for.</param>
public readonly record struct HandshakeRequest(int Version);
