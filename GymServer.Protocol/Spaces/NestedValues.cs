using System.Text.Json;

namespace GymServer.Protocol.Spaces;

/// <summary>
/// The JSON form of an array value (Box, MultiDiscrete, MultiBinary): nested lists following the shape, as
/// numpy's <c>tolist()</c> writes them. Reading also takes a flat list of all the elements, and a bare scalar
/// where the array holds one element.
/// </summary>
internal static class NestedValues
{
    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<int> shape, ReadOnlySpan<byte> data, DType dtype, Float32Json float32 = Float32Json.AsFloat64)
    {
        var index = 0;
        Write(writer, shape, data, dtype, float32, ref index);
    }

    /// <summary>Reads a value; <paramref name="space"/> names the space in errors ("Box(2, 3) float32").</summary>
    public static void Read(JsonElement json, ReadOnlySpan<int> shape, Span<byte> destination, DType dtype, string space)
    {
        var count = destination.Length / DTypes.SizeOf(dtype);
        if (json.ValueKind != JsonValueKind.Array)
        {
            if (count != 1)
            {
                throw Error(space, $"expected a list of {count} values, got {Describe(json)}");
            }
            ReadElement(json, destination, dtype, 0, space);
            return;
        }
        var index = 0;
        if (shape.Length > 1 && IsNested(json))
        {
            ReadNested(json, shape, destination, dtype, space, ShapeText(shape), ref index);
            return;
        }
        if (json.GetArrayLength() != count)
        {
            throw Error(space, $"expected {count} values, got a list of {json.GetArrayLength()}");
        }
        foreach (var item in json.EnumerateArray())
        {
            ReadElement(item, destination, dtype, index++, space);
        }
    }

    private static void Write(Utf8JsonWriter writer, ReadOnlySpan<int> shape, ReadOnlySpan<byte> data, DType dtype, Float32Json float32, ref int index)
    {
        if (shape.IsEmpty)
        {
            Elements.WriteJson(data, dtype, index++, writer, float32);
            return;
        }
        writer.WriteStartArray();
        for (var i = 0; i < shape[0]; i++)
        {
            Write(writer, shape[1..], data, dtype, float32, ref index);
        }
        writer.WriteEndArray();
    }

    private static void ReadNested(JsonElement json, ReadOnlySpan<int> shape, Span<byte> destination, DType dtype, string space, string fullShape, ref int index)
    {
        if (shape.IsEmpty)
        {
            ReadElement(json, destination, dtype, index++, space);
            return;
        }
        if (json.ValueKind != JsonValueKind.Array || json.GetArrayLength() != shape[0])
        {
            throw Error(space, $"expected nested lists of shape {fullShape}, got {Describe(json)} at element {index}");
        }
        foreach (var item in json.EnumerateArray())
        {
            ReadNested(item, shape[1..], destination, dtype, space, fullShape, ref index);
        }
    }

    private static void ReadElement(JsonElement json, Span<byte> destination, DType dtype, int index, string space)
    {
        if (!Elements.TryReadJson(json, destination, dtype, index))
        {
            var expected = DTypes.IsFloat(dtype) ? "a number" : dtype == DType.Bool ? "true, false, 0 or 1" : $"a whole number within {DTypes.Name(dtype)}";
            throw Error(space, $"element {index} must be {expected}, got {Describe(json)}");
        }
    }

    private static bool IsNested(JsonElement json) =>
        json.GetArrayLength() > 0 && json[0].ValueKind == JsonValueKind.Array;

    private static string ShapeText(ReadOnlySpan<int> shape) =>
        shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape.ToArray())})";

    private static string Describe(JsonElement json)
    {
        var text = json.GetRawText();
        return text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
    }

    private static ProtocolException Error(string space, string problem) =>
        new(EnvErrorCodes.InvalidAction, $"{space}: {problem}");
}
