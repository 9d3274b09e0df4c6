namespace GymServer.Engine.Nodes;

/// <summary>
/// This node as everything names it: the dashboard, media metadata, the metrics' <c>node</c> label and the cluster's
/// directory all read <see cref="Name"/> here, so they cannot disagree. One per process (a DI singleton); the host
/// makes it with <see cref="Resolve"/>.
/// </summary>
/// <param name="name">The node's name.</param>
/// <param name="address">The host:port clients and other nodes reach the TCP listener at, asked each time.</param>
public sealed class NodeIdentity(string name, Func<string> address)
{
    public string Name { get; } = name;

    /// <summary>The TCP listener's host:port: the bound port once it listens, the configured one before.</summary>
    public string Address => address();

    /// <summary>
    /// The node's identity from its settings. The name is <c>Gym:Node:Name</c>, else the cluster's older
    /// <c>Gym:Cluster:NodeName</c>, else the machine name, with the configured TCP port in a cluster (nodes may share
    /// a machine). Why the configured port and not the bound one: the name must be known before the host starts, since
    /// the metrics registry puts it on every series as a static label, which is set when the registry is made (before
    /// Kestrel binds) and never changes after. So one name serves all four readers from the start; a clustered node
    /// on port 0 (the system picks) should be given a name. The address, which may wait, uses the bound port.
    /// </summary>
    /// <param name="nodeName"><c>Gym:Node:Name</c>.</param>
    /// <param name="clusterNodeName"><c>Gym:Cluster:NodeName</c>.</param>
    /// <param name="clustered">Whether the node is a cluster member.</param>
    /// <param name="host">The address others reach the TCP listener at (the cluster's advertised one, else the listen address).</param>
    /// <param name="configuredPort"><c>Gym:Tcp:Port</c>.</param>
    /// <param name="boundPort">The port the TCP listener bound, or null while it has not.</param>
    public static NodeIdentity Resolve(string? nodeName, string? clusterNodeName, bool clustered, string host, int configuredPort, Func<int?> boundPort)
    {
        var name = nodeName is { Length: > 0 } ? nodeName
            : clusterNodeName is { Length: > 0 } ? clusterNodeName
            : clustered ? $"{Environment.MachineName}:{configuredPort}"
            : Environment.MachineName;
        return new NodeIdentity(name, () => $"{host}:{boundPort() ?? configuredPort}");
    }
}
