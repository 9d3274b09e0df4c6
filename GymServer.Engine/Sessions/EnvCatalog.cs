using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Wrappers;
using GymServer.Protocol;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Sessions;

/// <summary>
/// Resolves an env id over every backend: the preferred one first (native by default), then the others in
/// registration order. A client may choose a backend with a prefix (<c>native:CartPole-v1</c>,
/// <c>python:ALE/Pong-v5</c>). An id no backend serves gets unknown_env naming the closest ids of all backends.
/// A preset name (<see cref="EnvPresets"/>) stands for its id, kwargs and wrappers; a client's wrappers are checked
/// against the allow-list (<see cref="WrapperAllowList"/>) here, before any backend sees them, and a native env
/// asked for a wrapper with no C# implementation is made by a backend that has it (the Python pool).
/// </summary>
public sealed class EnvCatalog
{
    private readonly IEnvProvider[] _providers;
    private readonly IEnvPlacement? _placement;
    private readonly bool _nativeObservationWrappers;

    /// <param name="providers">The backends.</param>
    /// <param name="options">Which backend is preferred, which wrappers clients may ask for.</param>
    /// <param name="placement">Where new envs run; none: with their backend on this node.</param>
    /// <param name="presets">The named envs; none when left out.</param>
    public EnvCatalog(
        IEnumerable<IEnvProvider> providers,
        EnvCatalogOptions? options = null,
        IEnvPlacement? placement = null,
        EnvPresets? presets = null)
    {
        _placement = placement;
        _nativeObservationWrappers = options?.NativeObservationWrappers ?? true;
        Presets = presets ?? EnvPresets.None;
        AllowedWrappers = new WrapperAllowList(options?.AllowedWrappers);
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

    /// <summary>The presets this catalog makes by name.</summary>
    public EnvPresets Presets { get; }

    /// <summary>The wrappers clients may ask for.</summary>
    public WrapperAllowList AllowedWrappers { get; }

    /// <summary>Makes the env <paramref name="id"/> (with its optional backend prefix) under a new instance id.</summary>
    public ValueTask<IEnvInstance> MakeAsync(
        string id,
        IReadOnlyDictionary<string, JsonElement>? kwargs,
        CancellationToken cancellationToken) => MakeAsync(id, kwargs, wrappers: null, renderMode: null, cancellationToken);

    /// <summary>Makes the env <paramref name="id"/> with a render mode, which the backend may refuse.</summary>
    public ValueTask<IEnvInstance> MakeAsync(
        string id,
        IReadOnlyDictionary<string, JsonElement>? kwargs,
        string? renderMode,
        CancellationToken cancellationToken) => MakeAsync(id, kwargs, wrappers: null, renderMode, cancellationToken);

    /// <summary>
    /// Makes the env (or preset) <paramref name="id"/>, wrapped in the client's <paramref name="wrappers"/> (after a
    /// preset's own), with a render mode. Refuses a wrapper off the allow-list with forbidden_wrapper.
    /// </summary>
    public async ValueTask<IEnvInstance> MakeAsync(
        string id,
        IReadOnlyDictionary<string, JsonElement>? kwargs,
        IReadOnlyList<WrapperSpec>? wrappers,
        string? renderMode,
        CancellationToken cancellationToken)
    {
        wrappers ??= [];
        AllowedWrappers.Check(wrappers);
        var (envId, envKwargs, allWrappers) = Presets.Expand(id, kwargs, wrappers);
        var (provider, bareId) = Resolve(envId, allWrappers);
        var split = ServerSideStart(provider, allWrappers);
        var made = await MakeOnBackendAsync(provider, bareId, envKwargs, allWrappers.Take(split).ToList(), renderMode, cancellationToken).ConfigureAwait(false);
        if (split == allWrappers.Count)
        {
            return made;
        }
        var wrapped = await WrapHereAsync(made, allWrappers.Skip(split).ToList()).ConfigureAwait(false);
        // Where the C# wrappers refuse the spaces the backend returned, Gymnasium's own classes have the last word.
        return wrapped ?? await MakeOnBackendAsync(provider, bareId, envKwargs, allWrappers, renderMode, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Makes <paramref name="count"/> envs of <paramref name="id"/> for a vector env, in order, each under a new instance
    /// id: together when the backend makes vectors itself (<see cref="IVectorEnvProvider"/>, on this node), else one by
    /// one as <see cref="MakeAsync(string, IReadOnlyDictionary{string, JsonElement}?, string?, CancellationToken)"/>
    /// does. If one cannot be made, those already made are closed and its error is thrown.
    /// </summary>
    public ValueTask<IReadOnlyList<IEnvInstance>> MakeVectorAsync(
        string id,
        int count,
        IReadOnlyDictionary<string, JsonElement>? kwargs,
        CancellationToken cancellationToken) => MakeVectorAsync(id, count, kwargs, wrappers: null, cancellationToken);

    /// <summary>
    /// Makes <paramref name="count"/> envs (or presets) of <paramref name="id"/> for a vector env, each wrapped in the
    /// client's <paramref name="wrappers"/> (after a preset's own) as <c>gymnasium.make_vec(..., wrappers=[...])</c>
    /// wraps each sub-env; refuses a wrapper off the allow-list with forbidden_wrapper.
    /// </summary>
    public async ValueTask<IReadOnlyList<IEnvInstance>> MakeVectorAsync(
        string id,
        int count,
        IReadOnlyDictionary<string, JsonElement>? kwargs,
        IReadOnlyList<WrapperSpec>? wrappers,
        CancellationToken cancellationToken)
    {
        wrappers ??= [];
        AllowedWrappers.Check(wrappers);
        var (envId, envKwargs, allWrappers) = Presets.Expand(id, kwargs, wrappers);
        var (provider, bareId) = Resolve(envId, allWrappers);
        var split = ServerSideStart(provider, allWrappers);
        if (_placement is null && provider is IVectorEnvProvider vectors)
        {
            var subEnvs = await vectors.MakeVectorAsync(
                bareId, [.. Enumerable.Range(0, count).Select(_ => InstanceIds.New())], envKwargs, allWrappers.Take(split).ToList(), cancellationToken)
                .ConfigureAwait(false);
            if (split == allWrappers.Count)
            {
                return subEnvs;
            }
            var serverSide = allWrappers.Skip(split).ToList();
            var wrapped = new List<IEnvInstance>(count);
            for (var i = 0; i < subEnvs.Count; i++)
            {
                if (await WrapHereAsync(subEnvs[i], serverSide).ConfigureAwait(false) is { } subEnv)
                {
                    wrapped.Add(subEnv);
                    continue;
                }
                // The C# wrappers refused the spaces (WrapHereAsync closed that sub-env): every sub-env again, with
                // Gymnasium's own classes.
                foreach (var other in wrapped.Concat(subEnvs.Skip(i + 1)))
                {
                    await other.DisposeAsync().ConfigureAwait(false);
                }
                return await vectors.MakeVectorAsync(bareId, [.. Enumerable.Range(0, count).Select(_ => InstanceIds.New())], envKwargs, allWrappers, cancellationToken)
                    .ConfigureAwait(false);
            }
            return wrapped;
        }
        var made = new List<IEnvInstance>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                made.Add(await MakeAsync(id, kwargs, wrappers, renderMode: null, cancellationToken).ConfigureAwait(false));
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

    /// <summary>
    /// Where the wrappers this server applies itself begin, for an env of <paramref name="provider"/>: a backend
    /// other than the native one applies the wrappers before, Gymnasium's classes in its workers, and the trailing
    /// observation transforms with an exact C# implementation (<see cref="NativeWrappers.ServerSideStart"/>) run
    /// here, unless <see cref="EnvCatalogOptions.NativeObservationWrappers"/> is off. A native env applies every
    /// wrapper itself.
    /// </summary>
    private int ServerSideStart(IEnvProvider provider, IReadOnlyList<WrapperSpec> wrappers) =>
        _nativeObservationWrappers && provider.Backend != NativeEnvProvider.BackendName
            ? NativeWrappers.ServerSideStart(wrappers)
            : wrappers.Count;

    private ValueTask<IEnvInstance> MakeOnBackendAsync(
        IEnvProvider provider,
        string bareId,
        IReadOnlyDictionary<string, JsonElement>? kwargs,
        IReadOnlyList<WrapperSpec> wrappers,
        string? renderMode,
        CancellationToken cancellationToken) =>
        _placement is null
            ? provider.MakeAsync(bareId, InstanceIds.New(), kwargs, wrappers, renderMode, cancellationToken)
            : _placement.MakeAsync(provider, bareId, InstanceIds.New(), kwargs, wrappers, renderMode, cancellationToken);

    /// <summary>
    /// <paramref name="made"/> with <paramref name="wrappers"/> applied here; null, with <paramref name="made"/>
    /// closed, when a C# wrapper refuses its spaces (the caller then leaves every wrapper to the backend).
    /// </summary>
    private static async ValueTask<IEnvInstance?> WrapHereAsync(IEnvInstance made, IReadOnlyList<WrapperSpec> wrappers)
    {
        try
        {
            return NativeWrappedEnvInstance.Wrap(made, wrappers);
        }
        catch (EnvException)
        {
            await made.DisposeAsync().ConfigureAwait(false);
            return null;
        }
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

    /// <summary>
    /// The backend that serves <paramref name="id"/> and can apply every wrapper of the list: the one
    /// <see cref="Resolve(string)"/> picks, or, when that one cannot apply a wrapper and the id names no backend
    /// itself, the next backend that serves the id and can (a native env with a wrapper only Gymnasium has runs in
    /// the Python pool). Refuses with unknown_wrapper, naming the wrapper, when there is none.
    /// </summary>
    public (IEnvProvider Provider, string Id) Resolve(string id, IReadOnlyList<WrapperSpec> wrappers)
    {
        var (provider, bareId) = Resolve(id);
        var missing = FirstUnwrappable(provider, wrappers);
        if (missing is null)
        {
            return (provider, bareId);
        }
        var prefixed = bareId.Length != id.Length;
        if (!prefixed)
        {
            foreach (var other in _providers)
            {
                if (other != provider && other.Serves(bareId) && FirstUnwrappable(other, wrappers) is null)
                {
                    return (other, bareId);
                }
            }
        }
        var others = _providers.Where(other => other != provider).Select(other => other.Backend).ToList();
        var elsewhere = prefixed
            ? $"the {provider.Backend}: prefix keeps it on that backend"
            : others.Count == 0
                ? "this server has no other backend"
                : $"no other backend that serves {bareId} is available here ({string.Join(", ", others)})";
        throw new EnvException(
            EnvErrorCodes.UnknownWrapper,
            $"{bareId}: the {provider.Backend} backend has no {missing} wrapper, and {elsewhere}; native wrappers: {string.Join(", ", NativeWrappers.Names)}");
    }

    private static string? FirstUnwrappable(IEnvProvider provider, IReadOnlyList<WrapperSpec> wrappers)
    {
        foreach (var wrapper in wrappers)
        {
            if (!provider.CanWrap(wrapper.Name))
            {
                return wrapper.Name;
            }
        }
        return null;
    }
}
