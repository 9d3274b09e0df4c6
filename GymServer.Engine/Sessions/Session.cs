using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Protocol;

namespace GymServer.Engine.Sessions;

/// <summary>
/// A client connection's state: its envs (protocol 1 addresses one, the current), its limits, and the error of a
/// failed request that had no reply, kept until the next request that has one.
/// </summary>
public sealed class Session(EnvCatalog catalog, SessionLimits limits) : IAsyncDisposable
{
    private readonly List<SessionEnv> _envs = [];
    private bool _disposed;

    public SessionLimits Limits { get; } = limits;

    /// <summary>The backends this session makes envs from.</summary>
    public EnvCatalog Catalog { get; } = catalog;

    public IReadOnlyList<SessionEnv> Envs => _envs;

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
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_envs.Count >= Limits.MaxEnvs)
        {
            throw new EnvException(ProtocolErrorCodes.TooManyEnvs,
                $"this connection already has {_envs.Count} env(s) open, the most it may (close one first)");
        }
        var instance = await Catalog.MakeAsync(id, kwargs, renderMode, cancellationToken).ConfigureAwait(false);
        var env = new SessionEnv(instance);
        _envs.Add(env);
        Current = env;
        LastInstanceId = env.InstanceId;
        return env;
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
        throw new EnvException(ProtocolErrorCodes.UnknownInstance, $"no open env with instance id '{instanceId}' on this connection");
    }

    /// <summary>Closes an env of this session; closing the current one leaves the session without one.</summary>
    public async ValueTask CloseAsync(SessionEnv env)
    {
        if (!_envs.Remove(env))
        {
            return;
        }
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
        List<Exception>? errors = null;
        foreach (var env in _envs)
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
        _envs.Clear();
        Current = null;
        if (errors is not null)
        {
            throw new AggregateException("closing the session's envs failed", errors);
        }
    }
}
