using System.Text.Json;
using GymServer.Protocol.Spaces;

namespace GymServer.Protocol.V1;

/// <summary>
/// Reply to actionspace / observationspace: <c>{"info":{"name":"Discrete","n":2}}</c> or
/// <c>{"info":{"name":"Box","shape":[4],"low":[..],"high":[..]}}</c> with flat bounds and infinities written as
/// -1e+100 / 1e+100, as gym_tcp_api writes them. MultiDiscrete gives n and flat inclusive low/high, MultiBinary n and
/// shape; Tuple and Dict list their parts under "spaces".
/// </summary>
/// <param name="Space">The space to describe.</param>
public readonly ref struct SpaceInfoResponse(SpaceDescription Space)
{
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(ProtocolNames.Info);
        WriteSpace(Space, writer);
        writer.WriteEndObject();
    }

    private static void WriteSpace(SpaceDescription space, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString(ProtocolNames.Name, space.TypeName);
        switch (space)
        {
            case DiscreteDescription discrete:
                writer.WriteNumber(ProtocolNames.N, discrete.N);
                if (discrete.Start != 0)
                {
                    writer.WriteNumber("start"u8, discrete.Start);
                }
                break;
            case BoxDescription box:
                WriteShape(writer, box.Shape);
                WriteBounds(writer, ProtocolNames.Low, box.Low, box.DType);
                WriteBounds(writer, ProtocolNames.High, box.High, box.DType);
                break;
            case MultiDiscreteDescription multi:
                // gym_tcp_api's form: the number of parts, and flat inclusive bounds.
                writer.WriteNumber(ProtocolNames.N, multi.Count);
                writer.WriteStartArray(ProtocolNames.Low);
                foreach (var start in multi.Start)
                {
                    writer.WriteNumberValue(start);
                }
                writer.WriteEndArray();
                writer.WriteStartArray(ProtocolNames.High);
                for (var i = 0; i < multi.Count; i++)
                {
                    writer.WriteNumberValue(multi.Start[i] + multi.Nvec[i] - 1);
                }
                writer.WriteEndArray();
                break;
            case MultiBinaryDescription binary:
                writer.WriteNumber(ProtocolNames.N, binary.Count);
                WriteShape(writer, binary.Shape);
                break;
            case TupleDescription tuple:
                writer.WriteStartArray(ProtocolNames.Spaces);
                foreach (var part in tuple.Spaces)
                {
                    WriteSpace(part, writer);
                }
                writer.WriteEndArray();
                break;
            case DictDescription dict:
                writer.WriteStartObject(ProtocolNames.Spaces);
                for (var i = 0; i < dict.Keys.Count; i++)
                {
                    writer.WritePropertyName(dict.Keys[i]);
                    WriteSpace(dict.Spaces[i], writer);
                }
                writer.WriteEndObject();
                break;
            default:
                break;
        }
        writer.WriteEndObject();
    }

    private static void WriteShape(Utf8JsonWriter writer, ReadOnlySpan<int> shape)
    {
        writer.WriteStartArray(ProtocolNames.Shape);
        foreach (var dimension in shape)
        {
            writer.WriteNumberValue(dimension);
        }
        writer.WriteEndArray();
    }

    /// <summary>
    /// The bounds as Gymnasium holds them: an unbounded element of an integer Box holds its dtype's limit (the
    /// description says "-inf" or "inf" there), which gym_tcp_api sends as it is.
    /// </summary>
    private static void WriteBounds(Utf8JsonWriter writer, JsonEncodedText name, ElementValues<double> bounds, DType dtype)
    {
        writer.WriteStartArray(name);
        for (var i = 0; i < bounds.Count; i++)
        {
            var described = bounds[i];
            var bound = !DTypes.IsFloat(dtype) && double.IsInfinity(described) ? IntegerLimit(dtype, described) : described;
            if (double.IsPositiveInfinity(bound))
            {
                writer.WriteRawValue(PythonJson.PlusInfinityBound, skipInputValidation: true);
            }
            else if (double.IsNegativeInfinity(bound))
            {
                writer.WriteRawValue(PythonJson.MinusInfinityBound, skipInputValidation: true);
            }
            else if (!DTypes.IsFloat(dtype) && double.IsInteger(bound) && Math.Abs(bound) < 9.2e18)
            {
                // numpy's tolist gives Python ints for integer dtypes.
                writer.WriteNumberValue((long)bound);
            }
            else
            {
                PythonJson.WriteFloat(writer, bound);
            }
        }
        writer.WriteEndArray();
    }

    private static double IntegerLimit(DType dtype, double infinity)
    {
        var (min, max) = DTypes.IntegerLimits(dtype);
        return Elements.ToDouble(infinity < 0 ? min : max);
    }
}
