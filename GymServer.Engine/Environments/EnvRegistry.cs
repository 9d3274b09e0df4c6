using System.Text.Json;
using GymServer.Engine.Rendering;
using GymServer.Protocol;

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
    /// <c>render_mode</c> (null or "rgb_array"; "human" is refused: a server has no screen) may come as a keyword
    /// or as <paramref name="renderMode"/>, not both; any other keyword goes to the env, which refuses the ones it
    /// does not know.
    /// </summary>
    public IEnv Make(string id, IReadOnlyDictionary<string, JsonElement>? kwargs = null, string? renderMode = null)
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
        var mode = ReadRenderMode(arguments, renderMode);
        var env = registration.Factory(spec, arguments);
        try
        {
            arguments.EnsureAllRead(id);
            SetRenderMode(env, mode);
        }
        catch
        {
            env.Dispose();
            throw;
        }
        return env;
    }

    private static void SetRenderMode(IEnv env, RenderMode mode)
    {
        if (env is NativeEnv native)
        {
            native.RenderMode = mode;
        }
        else if (mode != RenderMode.None)
        {
            throw new EnvException(EnvErrorCodes.InvalidArgument, $"{env.Spec.Id} cannot render");
        }
    }

    private static RenderMode ReadRenderMode(EnvKwargs arguments, string? renderMode)
    {
        var keyword = arguments.GetString("render_mode", null);
        if (keyword is not null && renderMode is not null && keyword != renderMode)
        {
            throw new EnvException(
                EnvErrorCodes.InvalidArgument,
                $"render_mode given twice, as '{keyword}' and '{renderMode}'");
        }
        return RenderModes.Parse(keyword ?? renderMode);
    }

    /// <summary>An unknown_env error that names the closest known ids.</summary>
    public static EnvException UnknownId(string id, IEnumerable<string> known)
    {
        var matches = CloseMatches.Find(id, known);
        var hint = matches.Count > 0 ? $"; did you mean {string.Join(", ", matches)}?" : string.Empty;
        return new EnvException(EnvErrorCodes.UnknownEnv, $"no environment with id '{id}'{hint}");
    }
}
