using System.Collections.Concurrent;
using GymServer.Engine.Sessions;

namespace GymServer.Web.Api;

/// <summary>
/// The envs made over REST, by instance id: they outlive the HTTP requests (gym-http-api keeps them in one dict per
/// server), are closed by POST close/ or when the server stops, and are limited to <see cref="RestOptions.MaxEnvs"/>.
/// A hosted service so that stopping the host closes them (as the TCP side closes its connections when the host
/// stops), not only disposing its services.
/// </summary>
public sealed class RestEnvStore(EnvCatalog catalog, NodeActivity activity, RestOptions options) : IHostedService, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, RestEnv> _envs = new(StringComparer.Ordinal);
    private int _count;

    public IEnumerable<RestEnv> All => _envs.Values;

    /// <summary>Makes an env; refused when the store is full or the id is unknown.</summary>
    public async Task<RestEnv> CreateAsync(string envId, CancellationToken cancellationToken)
    {
        // Reserve a place first, so concurrent creates cannot overshoot the limit.
        if (Interlocked.Increment(ref _count) > options.MaxEnvs)
        {
            Interlocked.Decrement(ref _count);
            throw new RestException($"Too many envs: this server holds at most {options.MaxEnvs} envs made over REST; close one first");
        }
        try
        {
            var instance = await catalog.MakeAsync(envId, kwargs: null, cancellationToken).ConfigureAwait(false);
            var env = new RestEnv(envId, new SessionEnv(instance, activity));
            _envs[env.InstanceId] = env;
            return env;
        }
        catch
        {
            Interlocked.Decrement(ref _count);
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
        Interlocked.Decrement(ref _count);
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
                await env.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
