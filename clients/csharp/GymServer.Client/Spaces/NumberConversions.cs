using System.Text.Json;

namespace GymServer.Client.Spaces;

/// <summary>Reading numbers from the values users pass and from JSON, where non-finite floats are strings.</summary>
internal static class NumberConversions
{
    /// <summary>An integer of any .NET integer type (not a float: an action 1.5 is a mistake worth reporting).</summary>
    public static bool TryToInt64(object? value, out long result)
    {
        switch (value)
        {
            case long l: result = l; return true;
            case int i: result = i; return true;
            case short s: result = s; return true;
            case sbyte sb: result = sb; return true;
            case byte b: result = b; return true;
            case ushort us: result = us; return true;
            case uint ui: result = ui; return true;
            case ulong ul when ul <= long.MaxValue: result = (long)ul; return true;
            default: result = 0; return false;
        }
    }

    /// <summary>A JSON number, or one of the strings "nan", "inf", "-inf" the protocol writes for non-finite floats.</summary>
    public static double ReadDouble(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Number => json.GetDouble(),
        JsonValueKind.String => json.GetString() switch
        {
            "nan" => double.NaN,
            "inf" => double.PositiveInfinity,
            "-inf" => double.NegativeInfinity,
            var s => throw new FormatException($"'{s}' is not a number"),
        },
        _ => throw new FormatException($"{json.GetRawText()} is not a number"),
    };

    /// <summary>Writes a float the protocol's way: non-finite values as strings.</summary>
    public static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(double.IsNaN(value) ? "nan" : value > 0 ? "inf" : "-inf");
        }
    }

    /// <summary>Writes a float32 with the fewest digits that read back to the same bits, non-finite values as strings.</summary>
    public static void WriteSingle(Utf8JsonWriter writer, float value)
    {
        if (float.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            WriteDouble(writer, value);
        }
    }

    /// <summary>Every element of a (nested) JSON list in row-major order, or the value itself if it is not a list.</summary>
    public static List<JsonElement> Flatten(JsonElement json)
    {
        var result = new List<JsonElement>();
        Add(json, result);
        return result;

        static void Add(JsonElement json, List<JsonElement> result)
        {
            if (json.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in json.EnumerateArray())
                {
                    Add(item, result);
                }
            }
            else
            {
                result.Add(json);
            }
        }
    }

    /// <summary>Writes the elements as nested lists of <paramref name="shape"/> (a scalar for shape ()).</summary>
    public static void WriteNested(Utf8JsonWriter writer, int[] shape, Action<Utf8JsonWriter, int> writeElement)
    {
        var index = 0;
        Write(0);

        void Write(int dimension)
        {
            if (dimension == shape.Length)
            {
                writeElement(writer, index++);
                return;
            }
            writer.WriteStartArray();
            for (var i = 0; i < shape[dimension]; i++)
            {
                Write(dimension + 1);
            }
            writer.WriteEndArray();
        }
    }

    /// <summary>A JSON list of integers (the description's shape, nvec, ...) as an array.</summary>
    public static int[] ReadShape(JsonElement json) => json.ValueKind == JsonValueKind.Array
        ? json.EnumerateArray().Select(e => e.GetInt32()).ToArray()
        : [json.GetInt32()];

    /// <summary>The number of elements of an array of this shape.</summary>
    public static int Count(int[] shape) => shape.Aggregate(1, (product, d) => checked(product * d));
}
