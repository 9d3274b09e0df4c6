using System.Text.Json;
using GymServer.Engine.Admission;
using GymServer.Engine.Environments;
using GymServer.Engine.Recording;
using GymServer.Protocol;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Sessions;

/// <summary>
/// A client's envs and vector envs, admitted by its share of the node (<see cref="ClientAdmission"/>). It speaks no
/// protocol: a connection's protocol state (which env is current, errors waiting for a reply) lives with the
/// connection, and the lookups here answer null rather than an error a protocol would word.
/// </summary>
public sealed class Session : IAsyncDisposable
{
    private readonly List<SessionEnv> _envs = [];
    private readonly List<VectorEnv> _vectors = [];
    private bool _disposed;

    /// <param name="catalog">The backends this session makes envs from.</param>
    /// <param name="admission">The client's share of the node: env limit, node quota, step rate.</param>
    /// <param name="activity">The node's counters (one per node); a private one when left out (unit tests).</param>
    /// <param name="recorder">The node's recorder; without one (unit tests) recording requests are refused.</param>
    public Session(EnvCatalog catalog, ClientAdmission admission, NodeActivity? activity = null, MediaRecorder? recorder = null)
    {
        Catalog = catalog;
        Admission = admission;
        Activity = activity ?? new NodeActivity();
        Recorder = recorder;
        Activity.SessionOpened();
    }

    /// <summary>The node's recorder, if it has one.</summary>
    public MediaRecorder? Recorder { get; }

    /// <summary>The node's recorder, or invalid_argument.</summary>
    public MediaRecorder RequireRecorder() =>
        Recorder ?? throw new EnvException(EnvErrorCodes.InvalidArgument, "this server does not record episodes");

    /// <summary>The client's share of the node.</summary>
    public ClientAdmission Admission { get; }

    /// <summary>The backends this session makes envs from.</summary>
    public EnvCatalog Catalog { get; }

    /// <summary>The node's counters this session reports to.</summary>
    public NodeActivity Activity { get; }

    public IReadOnlyList<SessionEnv> Envs => _envs;

    /// <summary>The vector envs; each counts as one env against the client's limit, and each sub-env against the node's.</summary>
    public IReadOnlyList<VectorEnv> Vectors => _vectors;

    /// <summary>Makes an env. Refused with too_many_envs past the client's or the node's limit.</summary>
    public ValueTask<SessionEnv> OpenAsync(string id, CancellationToken cancellationToken) =>
        OpenAsync(id, kwargs: null, wrappers: null, renderMode: null, cancellationToken);

    /// <summary>Makes an env with keyword arguments, wrappers (applied in order) and a render mode.</summary>
    public async ValueTask<SessionEnv> OpenAsync(
        string id,
        IReadOnlyDictionary<string, JsonElement>? kwargs,
        IReadOnlyList<WrapperSpec>? wrappers,
        string? renderMode,
        CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Admission.Admit(1);
        IEnvInstance instance;
        try
        {
            instance = await Catalog.MakeAsync(id, kwargs, wrappers, renderMode, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Admission.Release(1);
            throw;
        }
        var env = new SessionEnv(instance, Activity, Admission.Steps);
        _envs.Add(env);
        return env;
    }

    /// <summary>
    /// Makes <paramref name="count"/> envs of one id as a vector env. If one of them cannot be made, those already
    /// made are closed.
    /// </summary>
    public ValueTask<VectorEnv> OpenVectorAsync(
        string id,
        int count,
        IReadOnlyDictionary<string, JsonElement>? kwargs,
        CancellationToken cancellationToken) => OpenVectorAsync(id, count, kwargs, wrappers: null, cancellationToken);

    /// <summary>
    /// Makes <paramref name="count"/> envs of one id as a vector env, each wrapped in <paramref name="wrappers"/> (as
    /// <c>gymnasium.make_vec(..., wrappers=[...])</c> wraps each sub-env). If one of them cannot be made, those already
    /// made are closed.
    /// </summary>
    public async ValueTask<VectorEnv> OpenVectorAsync(
        string id,
        int count,
        IReadOnlyDictionary<string, JsonElement>? kwargs,
        IReadOnlyList<WrapperSpec>? wrappers,
        CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Admission.Admit(count);
        IReadOnlyList<IEnvInstance> instances;
        try
        {
            instances = await Catalog.MakeVectorAsync(id, count, kwargs, wrappers, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Admission.Release(count);
            throw;
        }
        var vector = VectorEnv.Over(InstanceIds.New(), instances, Activity, Admission.Steps);
        _vectors.Add(vector);
        return vector;
    }

    /// <summary>The open env with this instance id, or null.</summary>
    public SessionEnv? Find(string instanceId)
    {
        foreach (var env in _envs)
        {
            if (env.InstanceId == instanceId)
            {
                return env;
            }
        }
        return null;
    }

    /// <summary>The open vector env with this instance id, or null.</summary>
    public VectorEnv? FindVector(string instanceId)
    {
        foreach (var vector in _vectors)
        {
            if (vector.InstanceId == instanceId)
            {
                return vector;
            }
        }
        return null;
    }

    /// <summary>Whether <paramref name="env"/> is still open in this session.</summary>
    public bool Holds(SessionEnv env)
    {
        foreach (var open in _envs)
        {
            if (ReferenceEquals(open, env))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether <paramref name="vector"/> is still open in this session.</summary>
    public bool Holds(VectorEnv vector)
    {
        foreach (var open in _vectors)
        {
            if (ReferenceEquals(open, vector))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Closes a vector env of this session.</summary>
    public async ValueTask CloseAsync(VectorEnv vector)
    {
        if (_vectors.Remove(vector))
        {
            Admission.Release(vector.Envs.Count);
            await vector.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Closes an env of this session.</summary>
    public async ValueTask CloseAsync(SessionEnv env)
    {
        if (!_envs.Remove(env))
        {
            return;
        }
        Admission.Release(1);
        await env.DisposeAsync().ConfigureAwait(false);
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
        foreach (var env in _envs)
        {
            Admission.Release(1);
        }
        foreach (var vector in _vectors)
        {
            Admission.Release(vector.Envs.Count);
        }
        _envs.Clear();
        _vectors.Clear();
        if (errors is not null)
        {
            throw new AggregateException("closing the session's envs failed", errors);
        }
    }
}
