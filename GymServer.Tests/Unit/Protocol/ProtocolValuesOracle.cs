using System.Buffers.Binary;
using System.Text.Json;
using GymServer.Protocol;
using GymServer.Protocol.Spaces;

namespace GymServer.Tests.Unit.Protocol;

/// <summary>
/// Protocol 1's value writer as it was before arrays went straight into the reply buffer (issue 20): one element at a
/// time through the JSON writer, recursing per dimension. Kept here only as the oracle the new writer's bytes are
/// compared with (<see cref="NestedListsTests"/>).
/// </summary>
internal static class ProtocolValuesOracle
{
    public static void Write(SpaceDescription space, ReadOnlySpan<byte> value, Utf8JsonWriter writer)
    {
        switch (space)
        {
            case DiscreteDescription:
                writer.WriteNumberValue(DiscreteDescription.Read(value));
                break;
            case BoxDescription box:
                var index = 0;
                WriteBox(box, value, box.Shape, writer, ref index);
                break;
            case TupleDescription tuple:
                writer.WriteStartArray();
                for (var i = 0; i < tuple.Spaces.Count; i++)
                {
                    Write(tuple.Spaces[i], value[tuple.ElementRange(i)], writer);
                }
                writer.WriteEndArray();
                break;
            default:
                space.WriteValue(value, writer);
                break;
        }
    }

    private static void WriteBox(BoxDescription box, ReadOnlySpan<byte> value, ReadOnlySpan<int> shape, Utf8JsonWriter writer, ref int index)
    {
        if (shape.IsEmpty)
        {
            WriteElement(box.DType, value, index++, writer);
            return;
        }
        writer.WriteStartArray();
        var inner = shape[1..];
        for (var i = 0; i < shape[0]; i++)
        {
            WriteBox(box, value, inner, writer, ref index);
        }
        writer.WriteEndArray();
    }

    private static void WriteElement(DType dtype, ReadOnlySpan<byte> value, int index, Utf8JsonWriter writer)
    {
        switch (dtype)
        {
            case DType.Float32:
                PythonJson.WriteFloat(writer, BinaryPrimitives.ReadSingleLittleEndian(value[(index * 4)..]));
                break;
            case DType.Float64:
                PythonJson.WriteFloat(writer, BinaryPrimitives.ReadDoubleLittleEndian(value[(index * 8)..]));
                break;
            default:
                Elements.WriteJson(value, dtype, index, writer);
                break;
        }
    }
}
