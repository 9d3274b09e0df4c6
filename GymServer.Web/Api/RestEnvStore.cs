using System.Collections.Concurrent;
using GymServer.Engine.Admission;
using GymServer.Engine.Sessions;
using GymServer.Protocol.Values;

namespace GymServer.Web.Api;

/// <summary>
/// The envs made over REST, by instance id: they outlive the HTTP requests (gym-http-api keeps them in one dict per
/// server), are closed by POST close/ or when the server stops, and are admitted by the node like any client's: at
/// most <see cref="RestOptions.MaxEnvs"/> of them, each taking a place of the node's quota (<c>Gym:Node:MaxEnvs</c>).
/// A hosted service so that stopping the host closes them (as the TCP side closes its connections when the host
/// stops), not only disposing its services.
/// </summary>
public sealed class RestEnvStore(EnvCatalog catalog, NodeActivity activity, RestOptions options, NodeAdmission node) : IHostedService, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, RestEnv> _envs = new(StringComparer.Ordinal);
    private readonly ClientAdmission _admission = node.ForClient(options.MaxEnvs,
        static (_, max) => $"Too many envs: this server holds at most {max} envs made over REST; close one first");

    public IEnumerable<RestEnv> All => _envs.Values;

    /// <summary>Makes an env (or preset) in its wrappers; refused when the store or the node is full, the id is unknown or a wrapper is refused.</summary>
    public async Task<RestEnv> CreateAsync(string envId, IReadOnlyList<WrapperSpec> wrappers, CancellationToken cancellationToken)
    {
        // Reserve a place first, so concurrent creates cannot overshoot the limits.
        _admission.Admit(1);
        try
        {
            var instance = await catalog.MakeAsync(envId, kwargs: null, wrappers, renderMode: null, cancellationToken).ConfigureAwait(false);
            var env = new RestEnv(envId, new SessionEnv(instance, activity));
            _envs[env.InstanceId] = env;
            return env;
        }
        catch
        {
            _admission.Release(1);
            throw;
        }
    }

    /// <summary>The env with this instance id, or gym-http-api's "Instance_id ... unknown" (HTTP 400).</summary>
    public RestEnv Require(string instanceId) =>
        _envs.TryGetValue(instanceId, out var env) ? env : throw new RestException($"Instance_id {instanceId} unknown");

    public async Task CloseAsync(string instanceId)
    {
        if (!_envs.TryRemove(instanceId, out var env))
        {
            throw new RestException($"Instance_id {instanceId} unknown");
        }
        _admission.Release(1);
        await env.DisposeAsync().ConfigureAwait(false);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    /// <summary>Closes every env still open (at stop, and again at disposal, where nothing is left by then).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var instanceId in _envs.Keys.ToArray())
        {
            if (_envs.TryRemove(instanceId, out var env))
            {
                _admission.Release(1);
                await env.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
