namespace GymServer.Web.Cluster.Messages;

/// <summary>What a node publishes to the others (and the dashboard shows): its capacity and load.</summary>
/// <param name="Name">The node's name (<see cref="Engine.Nodes.NodeIdentity"/>).</param>
/// <param name="Silo">Its silo address, the key of its node grain.</param>
/// <param name="TcpEndpoint">Where clients connect to it (host:port).</param>
/// <param name="PythonSlots">Envs its Python pool may host in all (live workers x MaxEnvsPerWorker).</param>
/// <param name="PythonFree">Of those, free now.</param>
/// <param name="Envs">Envs its own sessions hold (local or remote).</param>
/// <param name="HostedEnvs">Envs it hosts for sessions of other nodes.</param>
/// <param name="Sessions">Client connections.</param>
/// <param name="Steps">Steps taken by its sessions since start.</param>
/// <param name="Draining">True once it is stopping: it takes no new envs.</param>
/// <param name="At">When the snapshot was taken.</param>
[GenerateSerializer, Immutable]
public sealed record NodeSnapshot(
    [property: Id(0)] string Name,
    [property: Id(1)] string Silo,
    [property: Id(2)] string TcpEndpoint,
    [property: Id(3)] int PythonSlots,
    [property: Id(4)] int PythonFree,
    [property: Id(5)] long Envs,
    [property: Id(6)] int HostedEnvs,
    [property: Id(7)] long Sessions,
    [property: Id(8)] long Steps,
    [property: Id(9)] bool Draining,
    [property: Id(10)] DateTimeOffset At);
