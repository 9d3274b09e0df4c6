using GymServer.Engine.Environments;
using GymServer.Protocol;

namespace GymServer.Engine.Admission;

/// <summary>
/// One client's share of the node (a TCP connection, a dm_env_rpc stream, the REST API): the envs it may hold open at once, each taking
/// its places of the node's quota, and the steps per second it may take. Made by <see cref="NodeAdmission"/>; thread-safe,
/// so concurrent HTTP requests can share one.
/// </summary>
public sealed class ClientAdmission
{
    private readonly NodeAdmission? _node;
    private readonly Func<int, int, string> _full;
    private int _open;

    internal ClientAdmission(NodeAdmission? node, int maxEnvs, int stepsPerSecond, Func<int, int, string> full)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEnvs, 1);
        _node = node;
        _full = full;
        MaxEnvs = maxEnvs;
        Steps = stepsPerSecond > 0 ? new StepRateLimiter(stepsPerSecond) : null;
    }

    /// <summary>
    /// A connection's limits with no node quota behind them, for an engine used on its own (tests, in-process
    /// benchmarks); a server gets its clients' from <see cref="NodeAdmission"/>.
    /// </summary>
    public static ClientAdmission WithoutNode(int maxEnvs, int stepsPerSecond = 0) =>
        new(node: null, maxEnvs, stepsPerSecond, static (open, _) => $"this connection already has {open} env(s) open, the most it may (close one first)");

    /// <summary>Envs (a vector env counting as one) the client may hold open at once.</summary>
    public int MaxEnvs { get; }

    /// <summary>Envs the client holds now.</summary>
    public int Open => Volatile.Read(ref _open);

    /// <summary>The client's step budget; null when it has no rate limit.</summary>
    public StepRateLimiter? Steps { get; }

    /// <summary>
    /// Takes one of the client's places for an env of <paramref name="envs"/> sub-envs (1 for a single env), and as
    /// many of the node's; throws too_many_envs, with nothing taken, when either is full.
    /// </summary>
    public void Admit(int envs)
    {
        var open = Interlocked.Increment(ref _open);
        if (open > MaxEnvs)
        {
            Interlocked.Decrement(ref _open);
            throw new EnvException(EnvErrorCodes.TooManyEnvs, _full(open - 1, MaxEnvs));
        }
        try
        {
            _node?.Admit(envs);
        }
        catch
        {
            Interlocked.Decrement(ref _open);
            throw;
        }
    }

    /// <summary>Gives back what <see cref="Admit"/> took for an env of <paramref name="envs"/> sub-envs.</summary>
    public void Release(int envs)
    {
        Interlocked.Decrement(ref _open);
        _node?.Release(envs);
    }
}
