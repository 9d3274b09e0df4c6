using System.Text.Json;
using GymServer.Engine.Sessions;
using GymServer.Protocol;
using GymServer.Protocol.Values;

namespace GymServer.Web.Presets;

/// <summary>
/// Reads <c>Gym:Envs:Presets</c>, <c>{"Name":{"id":..,"kwargs":{..},"wrappers":[{"name":..,"kwargs":{..}}]}}</c>,
/// into <see cref="EnvPreset"/>s. Configuration keeps every value as text, so each preset is turned back into JSON
/// first and then read by the same readers as a client's make (<see cref="WrapperSpec.ReadList"/>): a value that reads
/// as a JSON number, true, false or null is that (<c>4</c> an int, <c>4.0</c> a float, as Python reads them), any
/// other a string; sections numbered 0, 1, ... are lists.
/// </summary>
public static class PresetConfiguration
{
    public const string SectionName = "Gym:Envs:Presets";

    private static readonly string[] Fields = ["id", "kwargs", "wrappers"];

    /// <summary>The presets of <paramref name="section"/>; refuses a malformed one with an <see cref="InvalidPresetException"/>.</summary>
    public static EnvPresets Read(IConfigurationSection section)
    {
        var presets = new List<EnvPreset>();
        foreach (var child in section.GetChildren())
        {
            presets.Add(ReadPreset(child));
        }
        return new EnvPresets(presets);
    }

    private static EnvPreset ReadPreset(IConfigurationSection section)
    {
        var name = section.Key;
        using var document = JsonDocument.Parse(ToJson(section));
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidPresetException(name, "must be an object {\"id\":..,\"kwargs\":{..},\"wrappers\":[..]}");
        }
        foreach (var member in root.EnumerateObject())
        {
            if (!Fields.Contains(member.Name))
            {
                throw new InvalidPresetException(name, $"unknown field '{member.Name}': expected {string.Join(", ", Fields)}");
            }
        }
        if (!root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || id.GetString() is not { Length: > 0 } envId)
        {
            throw new InvalidPresetException(name, "needs an id, the env it makes");
        }
        Dictionary<string, JsonElement>? kwargs = null;
        if (root.TryGetProperty("kwargs", out var arguments) && arguments.ValueKind != JsonValueKind.Null)
        {
            if (arguments.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidPresetException(name, "kwargs must be an object");
            }
            kwargs = arguments.EnumerateObject().ToDictionary(pair => pair.Name, pair => pair.Value.Clone(), StringComparer.Ordinal);
        }
        IReadOnlyList<WrapperSpec> wrappers = [];
        if (root.TryGetProperty("wrappers", out var list) && list.ValueKind != JsonValueKind.Null)
        {
            try
            {
                wrappers = WrapperSpec.ReadList(list, "wrappers");
            }
            catch (WireException error)
            {
                throw new InvalidPresetException(name, error.Message, error);
            }
        }
        return new EnvPreset(name, envId, kwargs, wrappers);
    }

    /// <summary>A configuration section as JSON text: objects, lists (keys 0..n-1), typed leaves.</summary>
    private static string ToJson(IConfigurationSection section)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, section);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void Write(Utf8JsonWriter writer, IConfigurationSection section)
    {
        var children = section.GetChildren().ToList();
        if (children.Count == 0)
        {
            WriteLeaf(writer, section.Value);
            return;
        }
        var isList = children.Select((child, index) => child.Key == index.ToString(System.Globalization.CultureInfo.InvariantCulture)).All(match => match);
        if (isList)
        {
            // Configuration sorts numbered keys as numbers, so 0..n-1 come in order.
            writer.WriteStartArray();
            foreach (var child in children)
            {
                Write(writer, child);
            }
            writer.WriteEndArray();
            return;
        }
        writer.WriteStartObject();
        foreach (var child in children)
        {
            writer.WritePropertyName(child.Key);
            Write(writer, child);
        }
        writer.WriteEndObject();
    }

    private static void WriteLeaf(Utf8JsonWriter writer, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            // JSON null, an empty list and an empty object all arrive as an empty value.
            writer.WriteNullValue();
        }
        else if (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            // The JSON configuration provider writes booleans as "True" and "False".
            writer.WriteBooleanValue(value.Equals("true", StringComparison.OrdinalIgnoreCase));
        }
        else if (IsJsonNumber(value))
        {
            writer.WriteRawValue(value);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    private static bool IsJsonNumber(string value)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(value));
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.Number && reader.BytesConsumed == value.Length && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
