using System.Buffers;
using System.Text.Json;
using GymServer.Protocol.Spaces;

namespace GymServer.Protocol.V1;

/// <summary>
/// Writes observations and actions as protocol 1 (and gym-http-api) carries them: what gym_tcp_api's <c>to_jsonable</c> and
/// <c>tolist()</c> give, i.e. nested lists for arrays, numbers for scalars, floats in <see cref="PythonJson"/> form
/// (a float32 in the fewest digits that read back as the same float32).
/// </summary>
public static class ProtocolValues
{
    /// <summary>Writes a value of <paramref name="space"/> (raw bytes in the space's layout).</summary>
    /// <param name="space">The space.</param>
    /// <param name="value">The value, in the space's layout.</param>
    /// <param name="writer">The reply's JSON writer.</param>
    /// <param name="body">
    /// Where <paramref name="writer"/> writes, if the caller has it: arrays then go straight into it (see
    /// <see cref="NestedLists"/>); without it they are formatted aside and copied in.
    /// </param>
    public static void Write(SpaceDescription space, ReadOnlySpan<byte> value, Utf8JsonWriter writer, IBufferWriter<byte>? body = null)
    {
        switch (space)
        {
            case DiscreteDescription:
                writer.WriteNumberValue(DiscreteDescription.Read(value));
                break;
            case BoxDescription box:
                WriteArray(box.Shape, value, box.DType, writer, body);
                break;
            case MultiBinaryDescription multiBinary:
                WriteArray(multiBinary.Shape, value, DType.Int8, writer, body);
                break;
            case MultiDiscreteDescription multiDiscrete:
                WriteArray(multiDiscrete.Shape, value, DType.Int64, writer, body);
                break;
            case TupleDescription tuple:
                writer.WriteStartArray();
                for (var i = 0; i < tuple.Spaces.Count; i++)
                {
                    Write(tuple.Spaces[i], value[tuple.ElementRange(i)], writer, body);
                }
                writer.WriteEndArray();
                break;
            default:
                // Spaces without a protocol-1 form of their own use Gymnasium's to_jsonable form.
                space.WriteValue(value, writer);
                break;
        }
    }

    private static void WriteArray(ReadOnlySpan<int> shape, ReadOnlySpan<byte> value, DType dtype, Utf8JsonWriter writer, IBufferWriter<byte>? body)
    {
        if (shape.IsEmpty)
        {
            Span<byte> scalar = stackalloc byte[NestedLists.MaxScalarLength];
            writer.WriteRawValue(scalar[..NestedLists.WriteScalar(value, dtype, scalar)], skipInputValidation: true);
            return;
        }
        if (body is null)
        {
            var aside = new ArrayBufferWriter<byte>(1024);
            NestedLists.Write(aside, shape, value, dtype);
            writer.WriteRawValue(aside.WrittenSpan, skipInputValidation: true);
            return;
        }
        // The writer puts down whatever separator its position needs and the opening bracket; once it is flushed into
        // the body, the rest of the array is written there directly, and the writer carries on after it as after any
        // complete value.
        writer.WriteRawValue("["u8, skipInputValidation: true);
        writer.Flush();
        NestedLists.Write(body, shape, value, dtype, openingWritten: true);
    }
}
