using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Protocol;
using GymServer.Engine.Recording;

namespace GymServer.Engine.Sessions;

/// <summary>
/// A client connection's state: its envs (protocol 1 addresses one, the current), its limits, and the error of a
/// failed request that had no reply, kept until the next request that has one.
/// </summary>
public sealed class Session : IAsyncDisposable
{
    private readonly List<SessionEnv> _envs = [];
    private readonly List<VectorEnv> _vectors = [];
    private readonly StepRateLimiter? _steps;
    private bool _disposed;

    /// <param name="catalog">The backends this session makes envs from.</param>
    /// <param name="limits">Its limits.</param>
    /// <param name="activity">The node's counters (one per node); a private one when left out (unit tests).</param>
    /// <param name="recorder">The node's recorder; without one (unit tests) recording requests are refused.</param>
    public Session(EnvCatalog catalog, SessionLimits limits, NodeActivity? activity = null, MediaRecorder? recorder = null)
    {
        Catalog = catalog;
        Limits = limits;
        Activity = activity ?? new NodeActivity();
        Recorder = recorder;
        Activity.SessionOpened();
        _steps = limits.MaxStepsPerSecond > 0 ? new StepRateLimiter(limits.MaxStepsPerSecond) : null;
    }

    /// <summary>The node's recorder, if it has one.</summary>
    public MediaRecorder? Recorder { get; }

    /// <summary>The node's recorder, or invalid_argument.</summary>
    public MediaRecorder RequireRecorder() =>
        Recorder ?? throw new EnvException(EnvErrorCodes.InvalidArgument, "this server does not record episodes");

    public SessionLimits Limits { get; }

    /// <summary>The backends this session makes envs from.</summary>
    public EnvCatalog Catalog { get; }

    /// <summary>The node's counters this session reports to.</summary>
    public NodeActivity Activity { get; }

    public IReadOnlyList<SessionEnv> Envs => _envs;

    /// <summary>The vector envs (protocol 2); each counts as one env against <see cref="SessionLimits.MaxEnvs"/>.</summary>
    public IReadOnlyList<VectorEnv> Vectors => _vectors;

    /// <summary>The env protocol-1 commands address: the last one made, until it is closed.</summary>
    public SessionEnv? Current { get; private set; }

    /// <summary>The instance id of the last env made, kept after it is closed (the url command asks for it then).</summary>
    public string? LastInstanceId { get; private set; }

    /// <summary>The error of a failed request without a reply, waiting for the next request with one.</summary>
    public EnvException? PendingError { get; private set; }

    /// <summary>Makes an env and makes it current. Refused with too_many_envs past <see cref="SessionLimits.MaxEnvs"/>.</summary>
    public ValueTask<SessionEnv> OpenAsync(string id, CancellationToken cancellationToken) =>
        OpenAsync(id, kwargs: null, renderMode: null, cancellationToken);

    /// <summary>Makes an env with keyword arguments and a render mode (protocol 2), and makes it current.</summary>
    public async ValueTask<SessionEnv> OpenAsync(
        string id,
        IReadOnlyDictionary<string, JsonElement>? kwargs,
        string? renderMode,
        CancellationToken cancellationToken)
    {
        EnsureRoom(1);
        IEnvInstance instance;
        try
        {
            instance = await Catalog.MakeAsync(id, kwargs, renderMode, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Limits.NodeEnvs?.Release(1);
            throw;
        }
        var env = new SessionEnv(instance, Activity, _steps);
        _envs.Add(env);
        Current = env;
        LastInstanceId = env.InstanceId;
        return env;
    }

    /// <summary>
    /// Makes <paramref name="count"/> envs of one id as a vector env (protocol 2). If one of them cannot be made, those
    /// already made are closed.
    /// </summary>
    public async ValueTask<VectorEnv> OpenVectorAsync(
        string id,
        int count,
        IReadOnlyDictionary<string, JsonElement>? kwargs,
        CancellationToken cancellationToken)
    {
        EnsureRoom(count);
        IReadOnlyList<IEnvInstance> instances;
        try
        {
            instances = await Catalog.MakeVectorAsync(id, count, kwargs, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Limits.NodeEnvs?.Release(count);
            throw;
        }
        var vector = VectorEnv.Over(InstanceIds.New(), instances, Activity, _steps);
        _vectors.Add(vector);
        return vector;
    }

    /// <summary>The open vector env with this instance id, or unknown_instance.</summary>
    public VectorEnv RequireVector(string instanceId)
    {
        foreach (var vector in _vectors)
        {
            if (vector.InstanceId == instanceId)
            {
                return vector;
            }
        }
        throw new EnvException(ProtocolErrorCodes.UnknownInstance, _envs.Exists(env => env.InstanceId == instanceId)
            ? $"'{instanceId}' is a single env, not a vector env: use reset and step"
            : $"no open vector env with instance id '{instanceId}' on this connection");
    }

    /// <summary>Closes a vector env of this session.</summary>
    public async ValueTask CloseAsync(VectorEnv vector)
    {
        if (_vectors.Remove(vector))
        {
            Limits.NodeEnvs?.Release(vector.Envs.Count);
            await vector.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Checks the connection's limit, then takes <paramref name="envs"/> places of the node's.</summary>
    private void EnsureRoom(int envs)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var open = _envs.Count + _vectors.Count;
        if (open >= Limits.MaxEnvs)
        {
            throw new EnvException(ProtocolErrorCodes.TooManyEnvs,
                $"this connection already has {open} env(s) open, the most it may (close one first)");
        }
        if (Limits.NodeEnvs is { } node && !node.TryAcquire(envs))
        {
            throw new EnvException(ProtocolErrorCodes.TooManyEnvs,
                $"this server already has {node.Count} env(s) open, the most it may ({node.Max}); try again later");
        }
    }

    /// <summary>The current env, or no_env.</summary>
    public SessionEnv RequireCurrent() =>
        Current ?? throw new EnvException(ProtocolErrorCodes.NoEnv, "no env: make one first with {\"env\":{\"name\":\"<id>\"}}");

    /// <summary>The open env with this instance id, or unknown_instance.</summary>
    public SessionEnv Require(string instanceId)
    {
        foreach (var env in _envs)
        {
            if (env.InstanceId == instanceId)
            {
                return env;
            }
        }
        throw new EnvException(ProtocolErrorCodes.UnknownInstance, _vectors.Exists(vector => vector.InstanceId == instanceId)
            ? $"'{instanceId}' is a vector env: use reset_vec and step_vec"
            : $"no open env with instance id '{instanceId}' on this connection");
    }

    /// <summary>Closes an env of this session; closing the current one leaves the session without one.</summary>
    public async ValueTask CloseAsync(SessionEnv env)
    {
        if (!_envs.Remove(env))
        {
            return;
        }
        Limits.NodeEnvs?.Release(1);
        if (ReferenceEquals(Current, env))
        {
            Current = null;
        }
        await env.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Keeps the error of a request without a reply; the first one wins until it is taken.</summary>
    public void Defer(EnvException error) => PendingError ??= error;

    /// <summary>Takes the pending error, if any.</summary>
    public bool TryTakePendingError(out EnvException error)
    {
        error = PendingError!;
        PendingError = null;
        return error is not null;
    }

    /// <summary>Closes every env. Errors of one env do not keep the others open.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        Activity.SessionClosed();
        List<Exception>? errors = null;
        foreach (var env in _envs.Cast<IAsyncDisposable>().Concat(_vectors))
        {
            try
            {
                await env.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                (errors ??= []).Add(exception);
            }
        }
        Limits.NodeEnvs?.Release(_envs.Count + _vectors.Sum(vector => vector.Envs.Count));
        _envs.Clear();
        _vectors.Clear();
        Current = null;
        if (errors is not null)
        {
            throw new AggregateException("closing the session's envs failed", errors);
        }
    }
}
