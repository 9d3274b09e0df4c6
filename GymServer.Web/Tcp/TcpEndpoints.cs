namespace GymServer.Web.Tcp;

/// <summary>The TCP protocol's listeners (port 4040 by default).</summary>
public sealed class TcpEndpoints() : BoundListeners("the TCP listener");
