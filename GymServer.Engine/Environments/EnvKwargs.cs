using System.Text.Json;
using GymServer.Protocol;

namespace GymServer.Engine.Environments;

/// <summary>
/// The keyword arguments of <c>gymnasium.make(id, **kwargs)</c>, as plain JSON values. Each env reads the ones it
/// knows; any left unread is an error, as Python's "unexpected keyword argument" is.
/// </summary>
public sealed class EnvKwargs
{
    private readonly Dictionary<string, JsonElement> _values;
    private readonly HashSet<string> _read = [];

    public EnvKwargs(IReadOnlyDictionary<string, JsonElement>? values = null)
    {
        _values = values is null ? [] : new Dictionary<string, JsonElement>(values);
    }

    public static EnvKwargs Empty => new();

    public IReadOnlyDictionary<string, JsonElement> Values => _values;

    public bool TryGet(string name, out JsonElement value)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out value) && value.ValueKind != JsonValueKind.Null;
    }

    public double GetDouble(string name, double defaultValue)
    {
        if (!TryGet(name, out var value))
        {
            return defaultValue;
        }
        if (value.ValueKind != JsonValueKind.Number || !double.IsFinite(value.GetDouble()))
        {
            throw Invalid(name, "a finite number");
        }
        return value.GetDouble();
    }

    public bool GetBool(string name, bool defaultValue)
    {
        if (!TryGet(name, out var value))
        {
            return defaultValue;
        }
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Invalid(name, "true or false"),
        };
    }

    public string? GetString(string name, string? defaultValue)
    {
        if (!TryGet(name, out var value))
        {
            return defaultValue;
        }
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Invalid(name, "a string");
    }

    /// <summary>Throws invalid_argument naming every keyword no env code asked for.</summary>
    public void EnsureAllRead(string envId)
    {
        var unread = _values.Keys.Where(key => !_read.Contains(key)).ToList();
        if (unread.Count > 0)
        {
            throw new EnvException(
                EnvErrorCodes.InvalidArgument,
                $"{envId} got unexpected keyword argument(s): {string.Join(", ", unread)}");
        }
    }

    public static EnvException Invalid(string name, string expected) =>
        new(EnvErrorCodes.InvalidArgument, $"keyword argument '{name}' must be {expected}");
}
