using System.Text.Json;

namespace GymServer.Engine.Environments;

/// <summary>
/// The native env ids, Gymnasium's <c>registry</c> counterpart: make an env by id with keyword arguments, list
/// what is registered, and suggest close ids for an unknown one.
/// </summary>
public sealed class EnvRegistry
{
    private readonly Dictionary<string, EnvRegistration> _registrations = new(StringComparer.Ordinal);

    public IReadOnlyCollection<EnvRegistration> Registrations => _registrations.Values;

    public IEnumerable<string> Ids => _registrations.Keys;

    public void Register(EnvRegistration registration) => _registrations.Add(registration.Spec.Id, registration);

    public bool Contains(string id) => _registrations.ContainsKey(id);

    public bool TryGet(string id, out EnvRegistration registration) =>
        _registrations.TryGetValue(id, out registration!);

    /// <summary>
    /// <c>gymnasium.make(id, **kwargs)</c>. <c>max_episode_steps</c> overrides the registered TimeLimit, as in make;
    /// any other keyword goes to the env, which refuses the ones it does not know.
    /// </summary>
    public IEnv Make(string id, IReadOnlyDictionary<string, JsonElement>? kwargs = null)
    {
        if (!_registrations.TryGetValue(id, out var registration))
        {
            throw UnknownId(id, Ids);
        }
        var arguments = new EnvKwargs(kwargs);
        var spec = registration.Spec;
        if (arguments.TryGet("max_episode_steps", out var limit))
        {
            if (limit.ValueKind != JsonValueKind.Number || !limit.TryGetInt32(out var steps) || steps <= 0)
            {
                throw EnvKwargs.Invalid("max_episode_steps", "a positive integer");
            }
            spec = spec with { MaxEpisodeSteps = steps };
        }
        var env = registration.Factory(spec, arguments);
        try
        {
            arguments.EnsureAllRead(id);
        }
        catch
        {
            env.Dispose();
            throw;
        }
        return env;
    }

    /// <summary>An unknown_env error that names the closest known ids.</summary>
    public static EnvException UnknownId(string id, IEnumerable<string> known)
    {
        var matches = CloseMatches.Find(id, known);
        var hint = matches.Count > 0 ? $"; did you mean {string.Join(", ", matches)}?" : string.Empty;
        return new EnvException(EnvErrorCodes.UnknownEnv, $"no environment with id '{id}'{hint}");
    }
}
