namespace GymServer.Client.Spaces;

/// <summary>Reading integers from the values users pass, and element counts of shapes.</summary>
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

    /// <summary>The number of elements of an array of this shape.</summary>
    public static int Count(int[] shape) => shape.Aggregate(1, (product, d) => checked(product * d));
}
