using System.Text.Json;
using GymServer.Engine.Environments;

namespace GymServer.Engine.Sessions;

/// <summary>
/// Resolves an env id over every backend: the preferred one first (native by default), then the others in
/// registration order. A client may
/// choose a backend with a prefix (<c>native:CartPole-v1</c>, <c>python:ALE/Pong-v5</c>). An id no backend serves
/// gets unknown_env naming the closest ids of all backends.
/// </summary>
public sealed class EnvCatalog
{
    private readonly IEnvProvider[] _providers;
    private readonly IEnvPlacement? _placement;

    /// <param name="providers">The backends.</param>
    /// <param name="options">Which backend is preferred.</param>
    /// <param name="placement">Where new envs run; none: with their backend on this node.</param>
    public EnvCatalog(IEnumerable<IEnvProvider> providers, EnvCatalogOptions? options = null, IEnvPlacement? placement = null)
    {
        _placement = placement;
        var preferred = options?.PreferredBackend ?? NativeEnvProvider.BackendName;
        var all = providers.ToList();
        if (!all.Exists(provider => provider.Backend == preferred))
        {
            throw new ArgumentException(
                $"Gym:Envs:PreferredBackend '{preferred}' is not a backend; choose one of: {string.Join(", ", all.Select(p => p.Backend))}");
        }
        // Stable sort: the preferred backend first, the rest keep their order.
        _providers = [.. all.OrderBy(provider => provider.Backend == preferred ? 0 : 1)];
    }

    public IReadOnlyList<IEnvProvider> Providers => _providers;

    /// <summary>Makes the env <paramref name="id"/> (with its optional backend prefix) under a new instance id.</summary>
    public ValueTask<IEnvInstance> MakeAsync(
        string id,
        IReadOnlyDictionary<string, JsonElement>? kwargs,
        CancellationToken cancellationToken) => MakeAsync(id, kwargs, renderMode: null, cancellationToken);

    /// <summary>Makes the env <paramref name="id"/> with a render mode, which the backend may refuse.</summary>
    public ValueTask<IEnvInstance> MakeAsync(
        string id,
        IReadOnlyDictionary<string, JsonElement>? kwargs,
        string? renderMode,
        CancellationToken cancellationToken)
    {
        var (provider, bareId) = Resolve(id);
        return _placement is null
            ? provider.MakeAsync(bareId, InstanceIds.New(), kwargs, renderMode, cancellationToken)
            : _placement.MakeAsync(provider, bareId, InstanceIds.New(), kwargs, renderMode, cancellationToken);
    }

    /// <summary>
    /// Makes <paramref name="count"/> envs of <paramref name="id"/> for a vector env, in order, each under a new instance
    /// id: together when the backend makes vectors itself (<see cref="IVectorEnvProvider"/>, on this node), else one by
    /// one as <see cref="MakeAsync(string, IReadOnlyDictionary{string, JsonElement}?, string?, CancellationToken)"/>
    /// does. If one cannot be made, those already made are closed and its error is thrown.
    /// </summary>
    public async ValueTask<IReadOnlyList<IEnvInstance>> MakeVectorAsync(
        string id,
        int count,
        IReadOnlyDictionary<string, JsonElement>? kwargs,
        CancellationToken cancellationToken)
    {
        var (provider, bareId) = Resolve(id);
        if (_placement is null && provider is IVectorEnvProvider vectors)
        {
            return await vectors.MakeVectorAsync(bareId, [.. Enumerable.Range(0, count).Select(_ => InstanceIds.New())], kwargs, cancellationToken)
                .ConfigureAwait(false);
        }
        var made = new List<IEnvInstance>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                made.Add(await MakeAsync(id, kwargs, renderMode: null, cancellationToken).ConfigureAwait(false));
            }
        }
        catch
        {
            foreach (var instance in made)
            {
                await instance.DisposeAsync().ConfigureAwait(false);
            }
            throw;
        }
        return made;
    }

    /// <summary>The backend that serves <paramref name="id"/> and the id without its prefix.</summary>
    public (IEnvProvider Provider, string Id) Resolve(string id)
    {
        var colon = id.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            var backend = id[..colon];
            var bareId = id[(colon + 1)..];
            var chosen = Array.Find(_providers, provider => provider.Backend == backend);
            if (chosen is not null)
            {
                return chosen.Serves(bareId) ? (chosen, bareId) : throw EnvRegistry.UnknownId(bareId, chosen.Ids);
            }
        }
        foreach (var provider in _providers)
        {
            if (provider.Serves(id))
            {
                return (provider, id);
            }
        }
        throw EnvRegistry.UnknownId(id, _providers.SelectMany(provider => provider.Ids).Distinct());
    }
}
