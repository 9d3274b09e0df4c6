using System.Globalization;
using System.Text.Json;
using CsCheck;

namespace GymServer.Tests.Fuzz;

/// <summary>
/// Generators of JSON text for the fuzzer: well-formed values of every kind, with the numbers a parser gets wrong
/// (out of every integer range, past double, NaN and Infinity as tokens and as strings), and nearly-JSON tokens.
/// </summary>
public static class JsonGens
{
    /// <summary>Numbers and tokens at the edges: each is a value on its own, well-formed or not.</summary>
    public static readonly Gen<string> EdgeToken = Gen.OneOf(
        "0", "-0", "1", "-1", "2", "0.5", "1.0", "1e0", "3", "255", "256", "-129",
        "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
        "18446744073709551616", "340282366920938463463374607431768211457",
        "1e308", "1.7976931348623157e308", "1e309", "-1e400", "1e-400", "4.9e-324", "3.4028235e38", "3.5e38",
        "NaN", "Infinity", "-Infinity", "\"NaN\"", "\"Infinity\"", "\"-inf\"", "\"1e400\"",
        "true", "false", "null", "\"\"", "\"1\"", "\"[0, 1]\"", "\"3\"", "\"-1\"", "\"99999999999999999999999\"",
        "[]", "{}", "[[]]", "[null]", "{\"\":null}",
        "01", "1.", ".5", "+1", "0x10", "1e", "--1", "tru", "nul", "\"\\ud800\"", "\"\\u0000\"", "'a'", "[1,]", "{\"a\"}");

    public static readonly Gen<string> Number = Gen.OneOf(
        Gen.Int.Select(value => value.ToString(CultureInfo.InvariantCulture)),
        Gen.Long.Select(value => value.ToString(CultureInfo.InvariantCulture)),
        Gen.Double[-1e6, 1e6].Select(value => value.ToString("R", CultureInfo.InvariantCulture)),
        Gen.Int[-3, 20].Select(value => value.ToString(CultureInfo.InvariantCulture)));

    public static readonly Gen<string> String = Gen.String.Select(text => JsonSerializer.Serialize(text));

    public static readonly Gen<string> Scalar = Gen.Frequency((4, Number), (3, EdgeToken), (1, String));

    /// <summary>Any value: scalars, and lists and objects nested a few levels (the edge tokens inside them too).</summary>
    public static readonly Gen<string> Value = Nested(3);

    /// <summary>An object of a few members with random names (kwargs, options).</summary>
    public static readonly Gen<string> Object = Gen.Select(
        Gen.OneOf(String, Gen.OneOf("\"map_name\"", "\"is_slippery\"", "\"g\"", "\"sab\"", "\"render_mode\"")),
        Value).Array[0, 3].Select(members => "{" + string.Join(",", members.Select(member => member.Item1 + ":" + member.Item2)) + "}");

    private static Gen<string> Nested(int depth)
    {
        if (depth == 0)
        {
            return Scalar;
        }
        var inner = Nested(depth - 1);
        return Gen.Frequency(
            (5, Scalar),
            (2, inner.Array[0, 5].Select(items => "[" + string.Join(",", items) + "]")),
            (1, Gen.Select(String, inner).Array[0, 3].Select(members => "{" + string.Join(",", members.Select(member => member.Item1 + ":" + member.Item2)) + "}")));
    }
}
