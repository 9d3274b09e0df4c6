using System.Text.Json;
using GymServer.Protocol.Values;

namespace GymServer.Engine.Sessions;

/// <summary>
/// The configured presets by name, and the one place a name is turned into what it stands for
/// (<see cref="Expand"/>). The catalog asks it before resolving any id, so a preset works wherever an id does.
/// </summary>
public sealed class EnvPresets
{
    private readonly Dictionary<string, EnvPreset> _presets = new(StringComparer.Ordinal);

    /// <summary>Refuses, with an <see cref="InvalidPresetException"/>, a name with a colon and a preset of a preset.</summary>
    public EnvPresets(IEnumerable<EnvPreset> presets)
    {
        foreach (var preset in presets)
        {
            if (preset.Name.Contains(':', StringComparison.Ordinal))
            {
                throw new InvalidPresetException(preset.Name, "a preset name cannot contain ':' (that is a backend prefix)");
            }
            _presets.Add(preset.Name, preset);
        }
        foreach (var preset in _presets.Values)
        {
            if (_presets.ContainsKey(preset.Id))
            {
                throw new InvalidPresetException(preset.Name, $"its id '{preset.Id}' is another preset; name an env id");
            }
        }
    }

    public static EnvPresets None { get; } = new([]);

    /// <summary>The presets, by name.</summary>
    public IReadOnlyCollection<EnvPreset> All => _presets.Values;

    public bool Contains(string name) => _presets.ContainsKey(name);

    /// <summary>
    /// What a make names: the preset's id, its kwargs overridden by the client's, and its wrappers followed by the
    /// client's (which alone are the client's to be checked); for a name that is no preset, the request as it is.
    /// </summary>
    public (string Id, IReadOnlyDictionary<string, JsonElement>? Kwargs, IReadOnlyList<WrapperSpec> Wrappers) Expand(
        string name,
        IReadOnlyDictionary<string, JsonElement>? kwargs,
        IReadOnlyList<WrapperSpec> wrappers)
    {
        if (!_presets.TryGetValue(name, out var preset))
        {
            return (name, kwargs, wrappers);
        }
        var merged = kwargs is null or { Count: 0 }
            ? preset.Kwargs
            : (preset.Kwargs ?? new Dictionary<string, JsonElement>()).Concat(kwargs)
                .GroupBy(pair => pair.Key, StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => group.Last().Value, StringComparer.Ordinal);
        return (preset.Id, merged, [.. preset.Wrappers, .. wrappers]);
    }
}
