using System.Text.Json;

namespace GymServer.Protocol.Spaces;

/// <summary>
/// Reads a <see cref="SpaceDescription"/> from its JSON (the form <see cref="SpaceDescription.WriteTo"/> writes, which
/// is the conformance header's form): the spaces a Python worker or another node reports, those a client reads.
/// Anything that is not a valid description of a supported space raises <see cref="InvalidSpaceDescriptionException"/>
/// naming where and why. Whether the values make a space Gymnasium would build (low not above high, n within the
/// dtype) is for whoever builds one from it.
/// </summary>
internal static partial class SpaceDescriptionReader
{
    private static readonly string[] KnownTypes = ["Discrete", "Box", "MultiDiscrete", "MultiBinary", "Tuple", "Dict"];

    public static SpaceDescription Read(JsonElement description) => Read(description, "$");

    public static SpaceDescription Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new InvalidSpaceDescriptionException("$", $"not valid JSON ({exception.Message})");
        }
        using (document)
        {
            return Read(document.RootElement);
        }
    }

    private static SpaceDescription Read(JsonElement description, string path)
    {
        if (description.ValueKind != JsonValueKind.Object)
        {
            throw Error(path, $"expected an object such as {{\"type\":\"Discrete\",\"n\":2}}, got {Kind(description)}");
        }
        var type = Required(description, "type", path);
        if (type.ValueKind != JsonValueKind.String)
        {
            throw Error($"{path}.type", $"expected a string, got {Kind(type)}");
        }
        try
        {
            return type.GetString() switch
            {
                "Discrete" => ParseDiscrete(description, path),
                "Box" => ParseBox(description, path),
                "MultiDiscrete" => ParseMultiDiscrete(description, path),
                "MultiBinary" => ParseMultiBinary(description, path),
                "Tuple" => ParseTuple(description, path),
                "Dict" => ParseDict(description, path),
                var other => throw Error($"{path}.type", $"unknown space type '{other}' (GymServer knows {string.Join(", ", KnownTypes)})"),
            };
        }
        catch (ArgumentException exception)
        {
            // The description's constructor refused the values (a duplicate Dict key, bounds of the wrong count).
            throw Error(path, exception.Message);
        }
    }

    private static DiscreteDescription ParseDiscrete(JsonElement description, string path)
    {
        CheckFields(description, path, "type", "n", "start", "dtype");
        var n = Integer(Required(description, "n", path), $"{path}.n");
        if (n <= 0)
        {
            throw Error($"{path}.n", $"must be positive, got {n}");
        }
        var start = description.TryGetProperty("start", out var startElement) ? Integer(startElement, $"{path}.start") : 0;
        var dtype = OptionalDType(description, path, DType.Int64, integerOnly: true);
        return new DiscreteDescription(n, start, dtype);
    }

    private static MultiBinaryDescription ParseMultiBinary(JsonElement description, string path)
    {
        CheckFields(description, path, "type", "n", "dtype");
        if (description.TryGetProperty("dtype", out var dtype) && dtype.ValueKind == JsonValueKind.String && dtype.GetString() != "int8")
        {
            throw Error($"{path}.dtype", $"MultiBinary is always int8, got '{dtype.GetString()}'");
        }
        var n = Required(description, "n", path);
        if (n.ValueKind == JsonValueKind.Array)
        {
            var shape = n.EnumerateArray().Select((item, i) => PositiveDimension(item, $"{path}.n[{i}]")).ToArray();
            return shape.Length > 0 ? new MultiBinaryDescription(shape, nIsShape: true) : throw Error($"{path}.n", "must not be empty");
        }
        return new MultiBinaryDescription([PositiveDimension(n, $"{path}.n")], nIsShape: false);
    }

    private static TupleDescription ParseTuple(JsonElement description, string path)
    {
        CheckFields(description, path, "type", "spaces");
        var spaces = Required(description, "spaces", path);
        if (spaces.ValueKind != JsonValueKind.Array)
        {
            throw Error($"{path}.spaces", $"expected a list of space descriptions, got {Kind(spaces)}");
        }
        return new TupleDescription(spaces.EnumerateArray().Select((item, i) => Read(item, $"{path}.spaces[{i}]")).ToArray());
    }

    /// <summary>The keys keep the description's order: it is the order the space that wrote it holds.</summary>
    private static DictDescription ParseDict(JsonElement description, string path)
    {
        CheckFields(description, path, "type", "spaces");
        var spaces = Required(description, "spaces", path);
        if (spaces.ValueKind != JsonValueKind.Object)
        {
            throw Error($"{path}.spaces", $"expected an object of key: space description, got {Kind(spaces)}");
        }
        var pairs = spaces.EnumerateObject().Select(property => (property.Name, Read(property.Value, $"{path}.spaces.{property.Name}"))).ToArray();
        return new DictDescription(pairs);
    }

    private static JsonElement Required(JsonElement description, string name, string path) =>
        description.TryGetProperty(name, out var value) ? value : throw Error(path, $"missing field \"{name}\"");

    private static void CheckFields(JsonElement description, string path, params string[] allowed)
    {
        foreach (var property in description.EnumerateObject())
        {
            if (!allowed.Contains(property.Name))
            {
                throw Error($"{path}.{property.Name}", $"unknown field for {description.GetProperty("type").GetString()} (fields: {string.Join(", ", allowed)})");
            }
        }
    }

    private static DType OptionalDType(JsonElement description, string path, DType fallback, bool integerOnly)
    {
        if (!description.TryGetProperty("dtype", out var element))
        {
            return fallback;
        }
        if (element.ValueKind != JsonValueKind.String || !DTypes.TryParse(element.GetString()!, out var dtype))
        {
            throw Error($"{path}.dtype", $"expected a dtype name such as \"float32\" or \"int64\", got {element.GetRawText()}");
        }
        if (integerOnly && !DTypes.IsInteger(dtype))
        {
            throw Error($"{path}.dtype", $"must be an integer dtype, got \"{element.GetString()}\"");
        }
        return dtype;
    }

    private static long Integer(JsonElement element, string path) =>
        Elements.TryReadWholeNumber(element, out var value) && value >= long.MinValue && value <= long.MaxValue
            ? (long)value
            : throw Error(path, $"expected an integer, got {element.GetRawText()}");

    private static int PositiveDimension(JsonElement element, string path)
    {
        var value = Integer(element, path);
        return value is > 0 and <= int.MaxValue ? (int)value : throw Error(path, $"must be a positive integer, got {value}");
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => $"the string {element.GetRawText()}",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        _ => element.ValueKind.ToString().ToLowerInvariant(),
    };

    private static InvalidSpaceDescriptionException Error(string path, string problem) => new(path, problem);
}
