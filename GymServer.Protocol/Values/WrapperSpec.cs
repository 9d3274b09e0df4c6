using System.Text.Json;

namespace GymServer.Protocol.Values;

/// <summary>
/// One wrapper of a list a client asks for: its Gymnasium class name and keyword arguments as plain JSON values
/// (<c>{"name":"FrameStackObservation","kwargs":{"stack_size":4}}</c>). A list is applied in order, the first
/// wrapping the env itself, as <c>gymnasium.make_vec(..., wrappers=[...])</c> applies its list. This type reads and
/// writes the list's JSON form for every place that carries one: protocol 2's make and make_vec, the REST create
/// call, presets in configuration, the worker's make and the cluster's remote make.
/// </summary>
public sealed record WrapperSpec(string Name, IReadOnlyDictionary<string, JsonElement>? Kwargs = null)
{
    /// <summary>The most wrappers one env may be asked for (a chain is applied at make, then costs every step).</summary>
    public const int MaxWrappers = 32;

    private const string NameField = "name";
    private const string KwargsField = "kwargs";

    /// <summary>
    /// Reads a list <c>[{"name":..,"kwargs":{..}},..]</c>; <paramref name="field"/> names it in errors
    /// (<c>make.wrappers</c>). Refuses, with invalid_request: anything but a list of such objects, a missing or
    /// empty name, unknown members, kwargs that are not an object, and more than <see cref="MaxWrappers"/>.
    /// </summary>
    public static IReadOnlyList<WrapperSpec> ReadList(JsonElement value, string field)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Invalid($"{field} must be a list of {{\"name\":..,\"kwargs\":{{..}}}} objects");
        }
        var count = value.GetArrayLength();
        if (count > MaxWrappers)
        {
            throw Invalid($"{field} lists {count} wrappers; at most {MaxWrappers} are allowed");
        }
        var wrappers = new List<WrapperSpec>(count);
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            wrappers.Add(Read(item, $"{field}[{index++}]"));
        }
        return wrappers;
    }

    /// <summary>Writes the list in the form <see cref="ReadList"/> reads, kwargs left out when there are none.</summary>
    public static void WriteList(Utf8JsonWriter writer, IReadOnlyList<WrapperSpec> wrappers)
    {
        writer.WriteStartArray();
        foreach (var wrapper in wrappers)
        {
            writer.WriteStartObject();
            writer.WriteString(NameField, wrapper.Name);
            if (wrapper.Kwargs is { Count: > 0 } kwargs)
            {
                writer.WriteStartObject(KwargsField);
                foreach (var (name, argument) in kwargs)
                {
                    writer.WritePropertyName(name);
                    argument.WriteTo(writer);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    /// <summary>The list as compact JSON text (what the cluster carries between nodes).</summary>
    public static string ToJson(IReadOnlyList<WrapperSpec> wrappers)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteList(writer, wrappers);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The list of <see cref="ToJson"/>'s text.</summary>
    public static IReadOnlyList<WrapperSpec> FromJson(string json, string field)
    {
        using var document = JsonDocument.Parse(json);
        return ReadList(document.RootElement, field);
    }

    /// <summary>"Name" or "Name(skip=4, shape=[84,84])", for messages and listings.</summary>
    public override string ToString() =>
        Kwargs is { Count: > 0 } kwargs
            ? $"{Name}({string.Join(", ", kwargs.Select(pair => $"{pair.Key}={pair.Value.GetRawText()}"))})"
            : Name;

    private static WrapperSpec Read(JsonElement item, string where)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw Invalid($"{where} must be an object {{\"name\":..,\"kwargs\":{{..}}}}");
        }
        string? name = null;
        Dictionary<string, JsonElement>? kwargs = null;
        foreach (var member in item.EnumerateObject())
        {
            switch (member.Name)
            {
                case NameField when member.Value.ValueKind == JsonValueKind.String && member.Value.GetString() is { Length: > 0 } text:
                    name = text;
                    break;
                case NameField:
                    throw Invalid($"{where}.name must be a non-empty string");
                case KwargsField when member.Value.ValueKind == JsonValueKind.Object:
                    kwargs = member.Value.EnumerateObject()
                        .ToDictionary(argument => argument.Name, argument => argument.Value.Clone(), StringComparer.Ordinal);
                    break;
                case KwargsField when member.Value.ValueKind == JsonValueKind.Null:
                    break;
                case KwargsField:
                    throw Invalid($"{where}.kwargs must be an object or null");
                default:
                    throw Invalid($"unknown {where} field '{member.Name}': expected name, kwargs");
            }
        }
        return name is null ? throw Invalid($"{where} needs a name") : new WrapperSpec(name, kwargs);
    }

    private static ProtocolException Invalid(string message) => new(ProtocolErrorCodes.InvalidRequest, message);
}
