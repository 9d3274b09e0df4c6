using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol;
using GymServer.Protocol.Spaces;

namespace GymServer.Engine.Wrappers;

/// <summary>
/// Readers for the keyword arguments wrappers take, beyond the ones envs share in <see cref="EnvKwargs"/>. Numbers
/// keep Python's int/float distinction where a wrapper's result depends on it (JSON <c>3</c> is an int, <c>3.0</c>
/// a float, as Python's json reads them).
/// </summary>
internal static class WrapperKwargs
{
    /// <summary>An int argument Gymnasium requires (no default).</summary>
    public static int RequireInt(this EnvKwargs kwargs, string name, int minimum) =>
        kwargs.TryGet(name, out var value) ? ReadInt(value, name, minimum) : throw Missing(name);

    public static int GetInt(this EnvKwargs kwargs, string name, int defaultValue, int minimum) =>
        kwargs.TryGet(name, out var value) ? ReadInt(value, name, minimum) : defaultValue;

    /// <summary>An optional finite number; <paramref name="isInteger"/> says whether JSON wrote it as an int.</summary>
    public static double? GetOptionalNumber(this EnvKwargs kwargs, string name, out bool isInteger)
    {
        isInteger = false;
        if (!kwargs.TryGet(name, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Number || !double.IsFinite(value.GetDouble()))
        {
            throw EnvKwargs.Invalid(name, "a finite number or null");
        }
        isInteger = IsIntegerLiteral(value);
        return value.GetDouble();
    }

    /// <summary>
    /// A required bound for each of <paramref name="count"/> elements: one number for all, or a list of
    /// <paramref name="count"/> numbers (nested lists of the shape are read flat). "inf" and "-inf" stand for the
    /// infinities JSON cannot write.
    /// </summary>
    public static double[] RequireBounds(this EnvKwargs kwargs, string name, int count)
    {
        if (!kwargs.TryGet(name, out var value))
        {
            throw Missing(name);
        }
        var expected = $"a number or a list of {count} numbers";
        if (Elements.TryReadFloat(value, out var single))
        {
            return double.IsNaN(single) ? throw EnvKwargs.Invalid(name, expected) : Enumerable.Repeat(single, count).ToArray();
        }
        var values = new List<double>(count);
        if (value.ValueKind != JsonValueKind.Array || !TryFlatten(value, values) || values.Count != count)
        {
            throw EnvKwargs.Invalid(name, expected);
        }
        return values.ToArray();
    }

    public static EnvException Missing(string name) =>
        new(EnvErrorCodes.InvalidArgument, $"missing required keyword argument '{name}'");

    /// <summary>Python's json reads a number without a point or an exponent as an int.</summary>
    public static bool IsIntegerLiteral(JsonElement number) => number.GetRawText().AsSpan().IndexOfAny(".eE") < 0;

    private static int ReadInt(JsonElement value, string name, int minimum)
    {
        var expected = minimum == 0 ? "a non-negative integer" : $"an integer of at least {minimum}";
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || !IsIntegerLiteral(value) || number < minimum)
        {
            throw EnvKwargs.Invalid(name, expected);
        }
        return number;
    }

    private static bool TryFlatten(JsonElement array, List<double> values)
    {
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Array)
            {
                if (!TryFlatten(item, values))
                {
                    return false;
                }
            }
            else if (Elements.TryReadFloat(item, out var number) && !double.IsNaN(number))
            {
                values.Add(number);
            }
            else
            {
                return false;
            }
        }
        return true;
    }
}
