using System.Numerics;
using System.Text.Json;
using GymServer.Protocol.Values;

namespace GymServer.Protocol.V2;

/// <summary>Reads and checks the members of a protocol-2 argument object, with errors naming command and field.</summary>
public static class Arguments
{
    /// <summary>Refuses members other than <paramref name="known"/> (a misspelt field must not be ignored).</summary>
    public static void OnlyKnown(JsonElement arguments, string command, params ReadOnlySpan<string> known)
    {
        foreach (var member in arguments.EnumerateObject())
        {
            if (!known.Contains(member.Name))
            {
                var expected = known.IsEmpty ? "no fields" : string.Join(", ", known.ToArray());
                throw Invalid($"unknown {command} field '{member.Name}': expected {expected}");
            }
        }
    }

    /// <summary>A required non-empty string.</summary>
    public static string RequiredString(JsonElement arguments, string command, string name)
    {
        if (!arguments.TryGetProperty(name, out var value))
        {
            throw Invalid($"{command} needs {name}");
        }
        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw Invalid($"{command}.{name} must be a non-empty string, got {Describe(value)}");
    }

    /// <summary>An optional string; absent and null give null.</summary>
    public static string? OptionalString(JsonElement arguments, string command, string name) =>
        Optional(arguments, name) is JsonElement value
            ? value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : throw Invalid($"{command}.{name} must be a string or null, got {Describe(value)}")
            : null;

    /// <summary>An optional object; absent and null give null.</summary>
    public static JsonElement? OptionalObject(JsonElement arguments, string command, string name) =>
        Optional(arguments, name) is JsonElement value
            ? value.ValueKind == JsonValueKind.Object
                ? value
                : throw Invalid($"{command}.{name} must be an object or null, got {Describe(value)}")
            : null;

    /// <summary>An optional list of wrappers (<see cref="WrapperSpec.ReadList"/>); absent and null give an empty list.</summary>
    public static IReadOnlyList<WrapperSpec> OptionalWrappers(JsonElement arguments, string command) =>
        Optional(arguments, Protocol2Names.Wrappers) is JsonElement value
            ? WrapperSpec.ReadList(value, $"{command}.{Protocol2Names.Wrappers}")
            : [];

    /// <summary>An optional seed: a non-negative JSON integer of any size; absent and null give null.</summary>
    public static BigInteger? OptionalSeed(JsonElement arguments, string command, string name)
    {
        if (Optional(arguments, name) is not JsonElement value)
        {
            return null;
        }
        var raw = value.ValueKind == JsonValueKind.Number ? value.GetRawText() : "";
        return raw.Length is > 0 and <= 1000 && raw.All(char.IsAsciiDigit)
            ? BigInteger.Parse(raw, System.Globalization.CultureInfo.InvariantCulture)
            : throw new ProtocolException(EnvErrorCodes.InvalidArgument,
                $"{command}.{name} must be a non-negative integer or null, got {value.GetRawText()}");
    }

    /// <summary>A member that is present and not null.</summary>
    public static JsonElement? Optional(JsonElement arguments, string name) =>
        arguments.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        _ => value.ValueKind.ToString(),
    };

    public static ProtocolException Invalid(string message) => new(ProtocolErrorCodes.InvalidRequest, message);
}
