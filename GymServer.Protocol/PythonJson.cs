using System.Globalization;
using System.Text.Json;
using GymServer.Protocol.Spaces;
using GymServer.Protocol.Values;

namespace GymServer.Protocol;

/// <summary>
/// Numbers written as gym_tcp_api's Python side writes them, so a client sees the same JSON types: a float always
/// has a fraction or an exponent ("1.0", never "1"), an int never does. Floats use the shortest form that reads back
/// to the same bits: a float32 as a float32, a float64 as a float64.
/// </summary>
public static class PythonJson
{
    /// <summary>How Python spells the infinities of Box bounds, which plain JSON cannot hold.</summary>
    public static ReadOnlySpan<byte> PlusInfinityBound => "1e+100"u8;

    /// <inheritdoc cref="PlusInfinityBound"/>
    public static ReadOnlySpan<byte> MinusInfinityBound => "-1e+100"u8;

    /// <summary>
    /// Writes a float64 with the shortest digits that read back to the same bits, always as a float (".0" when
    /// integral), as Python's <c>repr</c> does.
    /// Non-finite values, which JSON cannot hold, are written as the strings "nan", "inf", "-inf".
    /// </summary>
    public static void WriteFloat(Utf8JsonWriter writer, double value)
    {
        if (!double.IsFinite(value))
        {
            writer.WriteStringValue(Elements.NonFiniteName(value));
            return;
        }
        Span<byte> text = stackalloc byte[MaxFloatLength];
        writer.WriteRawValue(text[..FormatFinite(value, text)], skipInputValidation: true);
    }

    /// <summary>
    /// Writes a float32 with the fewest digits that parse back (as float32) to the same bits, ".0" when integral.
    /// </summary>
    public static void WriteFloat(Utf8JsonWriter writer, float value)
    {
        if (!float.IsFinite(value))
        {
            writer.WriteStringValue(Elements.NonFiniteName(value));
            return;
        }
        Span<byte> text = stackalloc byte[MaxFloatLength];
        writer.WriteRawValue(text[..FormatFinite(value, text)], skipInputValidation: true);
    }

    /// <summary>Room enough for any finite float in <see cref="FormatFinite(double, Span{byte})"/>'s form.</summary>
    internal const int MaxFloatLength = 40;

    /// <summary>
    /// Formats a finite float64 as <see cref="WriteFloat(Utf8JsonWriter, double)"/> writes it, into
    /// <paramref name="destination"/> (at least <see cref="MaxFloatLength"/> bytes); returns the length. For writers
    /// that put many numbers straight into a buffer (protocol 1's large arrays).
    /// </summary>
    internal static int FormatFinite(double value, Span<byte> destination)
    {
        value.TryFormat(destination, out var length, default, CultureInfo.InvariantCulture);
        return Pythonize(destination, length);
    }

    /// <inheritdoc cref="FormatFinite(double, Span{byte})"/>
    internal static int FormatFinite(float value, Span<byte> destination)
    {
        value.TryFormat(destination, out var length, default, CultureInfo.InvariantCulture);
        return Pythonize(destination, length);
    }

    /// <summary>
    /// A step's reward: a Python int when the env's spec says its rewards are ints (native toy text) or the step says
    /// so (a Python env returned an int), else a Python float.
    /// </summary>
    public static void WriteReward(Utf8JsonWriter writer, StepResult result, bool specIntegerRewards) =>
        WriteReward(writer, result.Reward, specIntegerRewards || result.IntegerReward);

    /// <summary>A reward: a Python int when the env's rewards are ints (toy text), else a Python float.</summary>
    public static void WriteReward(Utf8JsonWriter writer, double reward, bool integerRewards)
    {
        if (integerRewards && double.IsInteger(reward) && Math.Abs(reward) < 9.007199254740992e15)
        {
            writer.WriteNumberValue((long)reward);
        }
        else if (reward == 1.0 && !integerRewards)
        {
            // CartPole's every reward, and many others': skip formatting the commonest value (hot on vector steps).
            writer.WriteRawValue("1.0"u8, skipInputValidation: true);
        }
        else
        {
            WriteFloat(writer, reward);
        }
    }

    /// <summary>Lower-cases the exponent and appends ".0" to an integral number, as Python's repr does.</summary>
    private static int Pythonize(Span<byte> text, int length)
    {
        var isInteger = true;
        for (var i = 0; i < length; i++)
        {
            switch (text[i])
            {
                case (byte)'E':
                    text[i] = (byte)'e';
                    isInteger = false;
                    break;
                case (byte)'.':
                    isInteger = false;
                    break;
                default:
                    break;
            }
        }
        if (isInteger)
        {
            text[length++] = (byte)'.';
            text[length++] = (byte)'0';
        }
        return length;
    }
}
