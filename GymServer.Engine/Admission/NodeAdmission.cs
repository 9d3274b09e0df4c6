using GymServer.Engine.Environments;
using GymServer.Engine.Nodes;
using GymServer.Protocol;

namespace GymServer.Engine.Admission;

/// <summary>
/// The node's one admission service: the node's env quota (<see cref="NodeOptions.MaxEnvs"/>), shared by every client
/// of the node and by the envs it hosts for other nodes, and each client's share of it (<see cref="ClientAdmission"/>:
/// its own env limit and step rate). A vector env takes one place of the node per sub-env: the quota is about the
/// memory and workers envs hold, not about ids.
/// </summary>
public sealed class NodeAdmission(NodeOptions options)
{
    private long _count;

    /// <summary>The node's settings, of which admission reads the limits.</summary>
    public NodeOptions Options { get; } = options;

    /// <summary>Envs the node may hold; 0 or less: no limit.</summary>
    public int MaxEnvs => Options.MaxEnvs;

    /// <summary>Envs the node holds now.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>A TCP connection's or a dm_env_rpc stream's share: <see cref="NodeOptions.MaxEnvsPerConnection"/> and <see cref="NodeOptions.MaxStepsPerSecond"/>.</summary>
    public ClientAdmission ForConnection() =>
        new(this, Options.MaxEnvsPerConnection, Options.MaxStepsPerSecond,
            static (open, _) => $"this connection already has {open} env(s) open, the most it may (close one first)");

    /// <summary>
    /// Another client's share (the REST API's): its own env limit, no step rate; <paramref name="full"/> says why
    /// one more env is refused, given the envs open and the limit.
    /// </summary>
    public ClientAdmission ForClient(int maxEnvs, Func<int, int, string> full) => new(this, maxEnvs, stepsPerSecond: 0, full);

    /// <summary>Takes <paramref name="envs"/> places of the node's, or throws too_many_envs (nothing taken).</summary>
    public void Admit(int envs)
    {
        var count = Interlocked.Add(ref _count, envs);
        if (MaxEnvs <= 0 || count <= MaxEnvs)
        {
            return;
        }
        Interlocked.Add(ref _count, -envs);
        throw new EnvException(EnvErrorCodes.TooManyEnvs,
            $"this server already has {Count} env(s) open, the most it may ({MaxEnvs}); try again later");
    }

    /// <summary>Gives back places taken with <see cref="Admit"/>.</summary>
    public void Release(int envs) => Interlocked.Add(ref _count, -envs);
}
