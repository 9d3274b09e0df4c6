using System.Text.Json;

namespace GymServer.Protocol.Spaces;

/// <summary>
/// Reads a step's action (JSON text) into the action space's layout. Discrete and Box actions are read with a
/// <see cref="Utf8JsonReader"/> straight into the destination, allocating nothing; other spaces go through their
/// own <see cref="SpaceDescription.ReadValue"/>. Bounds are not checked here: the env does that.
/// </summary>
public static class ActionReader
{
    public static void Read(SpaceDescription space, ReadOnlySpan<byte> json, Span<byte> destination)
    {
        try
        {
            switch (space)
            {
                case DiscreteDescription discrete:
                    ReadDiscrete(discrete, json, destination);
                    break;
                case BoxDescription box:
                    ReadBox(box, json, destination);
                    break;
                default:
                    using (var document = JsonDocument.Parse(json.ToArray()))
                    {
                        space.ReadValue(document.RootElement, destination);
                    }
                    break;
            }
        }
        catch (JsonException exception)
        {
            throw new ProtocolException(EnvErrorCodes.InvalidAction, $"the action is not valid JSON: {exception.Message}");
        }
    }

    private static void ReadDiscrete(DiscreteDescription space, ReadOnlySpan<byte> json, Span<byte> destination)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        var inList = reader.TokenType == JsonTokenType.StartArray;
        if (inList)
        {
            // [1]: a one-element list, as some clients flatten every action.
            reader.Read();
        }
        if (reader.TokenType != JsonTokenType.Number || !TryReadInteger(ref reader, out var value))
        {
            throw new ProtocolException(EnvErrorCodes.InvalidAction, $"expected an integer action for Discrete({space.N})");
        }
        if (inList && (!reader.Read() || reader.TokenType != JsonTokenType.EndArray))
        {
            throw new ProtocolException(EnvErrorCodes.InvalidAction, $"expected one integer for Discrete({space.N})");
        }
        EnsureEnd(ref reader);
        DiscreteDescription.Write(destination, value);
    }

    private static void ReadBox(BoxDescription box, ReadOnlySpan<byte> json, Span<byte> destination)
    {
        var reader = new Utf8JsonReader(json);
        var count = 0;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartArray:
                case JsonTokenType.EndArray:
                    // Nesting is accepted as written: numpy reads nested lists row-major, as the count below does.
                    break;
                case JsonTokenType.Number:
                    if (count >= box.Count)
                    {
                        throw new ProtocolException(EnvErrorCodes.InvalidAction, $"too many numbers for a Box of shape {box.ShapeText()}");
                    }
                    Elements.WriteDouble(destination, box.DType, count++, reader.GetDouble());
                    break;
                default:
                    throw new ProtocolException(EnvErrorCodes.InvalidAction, $"expected numbers for a Box of shape {box.ShapeText()}, got {reader.TokenType}");
            }
        }
        if (count != box.Count)
        {
            throw new ProtocolException(EnvErrorCodes.InvalidAction, $"expected {box.Count} numbers for a Box of shape {box.ShapeText()}, got {count}");
        }
    }

    private static bool TryReadInteger(ref Utf8JsonReader reader, out long value)
    {
        if (reader.TryGetInt64(out value))
        {
            return true;
        }
        // 1.0 is accepted as 1, as Python's int() does; 1.5 is not an action of a Discrete space.
        if (reader.TryGetDouble(out var number) && double.IsInteger(number) && Math.Abs(number) < 9.0e15)
        {
            value = (long)number;
            return true;
        }
        return false;
    }

    private static void EnsureEnd(ref Utf8JsonReader reader)
    {
        if (reader.Read())
        {
            throw new ProtocolException(EnvErrorCodes.InvalidAction, "unexpected data after the action");
        }
    }
}
