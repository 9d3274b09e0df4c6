using System.Globalization;
using System.Text.Json;
using GymServer.Protocol;

namespace GymServer.Engine.Environments.ClassicControl;

/// <summary>
/// Gymnasium's <c>utils.maybe_parse_reset_bounds</c> and <c>verify_number_and_cast</c>: the reset options
/// <c>low</c>/<c>high</c> that widen or narrow the uniform initial state, plus the checks numpy's
/// <c>uniform</c> makes on them (a finite, non-negative range), reported as invalid_argument.
/// </summary>
internal static class ResetBounds
{
    /// <summary>The (low, high) pair from options, or the defaults where an option is absent.</summary>
    public static (double Low, double High) Parse(JsonElement? options, double defaultLow, double defaultHigh)
    {
        if (!TryGetObject(options, out var values))
        {
            return (defaultLow, defaultHigh);
        }
        var low = values.TryGetProperty("low", out var lowValue) ? ToFloat(lowValue, "low") : defaultLow;
        var high = values.TryGetProperty("high", out var highValue) ? ToFloat(highValue, "high") : defaultHigh;
        if (low > high)
        {
            throw Invalid($"Lower bound ({Format(low)}) must be lower than higher bound ({Format(high)}).");
        }
        RequireUniformRange(low, high);
        return (low, high);
    }

    /// <summary>False for absent or JSON null options (Python's None); the options object otherwise.</summary>
    public static bool TryGetObject(JsonElement? options, out JsonElement values)
    {
        values = default;
        if (options is not { } element || element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return false;
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid($"reset options must be an object, got {element.ValueKind}");
        }
        values = element;
        return true;
    }

    /// <summary>Python's <c>float(x)</c> on a JSON value: numbers, numeric strings and booleans convert.</summary>
    public static double ToFloat(JsonElement value, string name)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                return value.GetDouble();
            case JsonValueKind.True:
                return 1.0;
            case JsonValueKind.False:
                return 0.0;
            case JsonValueKind.String when double.TryParse(
                value.GetString()!.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            default:
                throw Invalid($"An option ({name}={value.GetRawText()}) could not be converted to a float.");
        }
    }

    /// <summary>numpy's <c>uniform(low, high)</c> refuses a range that is not finite or is negative.</summary>
    public static void RequireUniformRange(double low, double high)
    {
        var range = high - low;
        if (!double.IsFinite(range))
        {
            throw Invalid($"high - low range exceeds valid bounds (low={Format(low)}, high={Format(high)})");
        }
        if (range < 0)
        {
            throw Invalid($"high - low < 0 (low={Format(low)}, high={Format(high)})");
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static EnvException Invalid(string message) => new(EnvErrorCodes.InvalidArgument, message);
}
