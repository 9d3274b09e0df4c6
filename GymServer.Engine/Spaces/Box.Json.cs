using System.Text.Json;

namespace GymServer.Engine.Spaces;

/// <summary>Box's JSON forms: its description and its values (nested lists, as numpy's <c>tolist()</c>).</summary>
public sealed partial class Box
{
    /// <summary>
    /// <c>{"type":"Box","shape":[..],"dtype":"float32","low":[..],"high":[..]}</c>: bounds as flat lists, floats in
    /// their shortest round-trip form, integers exactly, and "-inf" / "inf" where the Box is unbounded (for signed
    /// integer Boxes too, so that a description built back keeps the element unbounded).
    /// </summary>
    public override void WriteDescription(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("type", TypeName);
        writer.WriteStartArray("shape");
        foreach (var dimension in _shape)
        {
            writer.WriteNumberValue(dimension);
        }
        writer.WriteEndArray();
        writer.WriteString("dtype", DTypes.Name(DType));
        WriteBounds(writer, "low", _low, _lowInteger, _boundedBelow, double.NegativeInfinity);
        WriteBounds(writer, "high", _high, _highInteger, _boundedAbove, double.PositiveInfinity);
        writer.WriteEndObject();
    }

    public override void WriteValue(ReadOnlySpan<byte> value, Utf8JsonWriter writer) =>
        NestedValues.Write(writer, _shape, value, DType);

    /// <summary>
    /// Reads nested lists of the Box's shape, a flat list of its elements, or a bare number for a one-element
    /// Box. Integer Boxes take whole numbers within the dtype only: a value is never silently truncated or wrapped.
    /// </summary>
    public override void ReadValue(JsonElement json, Span<byte> destination) =>
        NestedValues.Read(json, _shape, destination[..ByteSize], DType, $"Box{ShapeText()} {DTypes.Name(DType)}");

    private static void WriteBounds(Utf8JsonWriter writer, string name, double[] bounds, Int128[]? exact, bool[] bounded, double infinity)
    {
        writer.WriteStartArray(name);
        for (var i = 0; i < bounds.Length; i++)
        {
            if (exact is null)
            {
                Elements.WriteFloat(writer, bounds[i]);
            }
            else if (!bounded[i])
            {
                Elements.WriteFloat(writer, infinity);
            }
            else if (exact[i] > long.MaxValue)
            {
                writer.WriteNumberValue((ulong)exact[i]);
            }
            else
            {
                writer.WriteNumberValue((long)exact[i]);
            }
        }
        writer.WriteEndArray();
    }
}
