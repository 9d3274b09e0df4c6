using System.Text.Json;

namespace GymServer.Tests.Infrastructure;

/// <summary>
/// Compares JSON values by meaning: numbers as float64 values (1 equals 1.0), objects by key. <see cref="Identical"/>
/// also tells Python's int from its float (1 is not 1.0), as a client decoding the JSON with Python's json would.
/// </summary>
public static class JsonAssert
{
    public static void Equal(JsonElement expected, JsonElement actual, string path = "$") => Compare(expected, actual, path, numberKinds: false);

    /// <summary>As <see cref="Equal(JsonElement, JsonElement, string)"/>, and every number is an int in both or a float in both.</summary>
    public static void Identical(JsonElement expected, JsonElement actual, string path = "$") => Compare(expected, actual, path, numberKinds: true);

    /// <summary>Python's json writes an int without a point or an exponent, a float always with one.</summary>
    public static bool IsIntegerLiteral(JsonElement number) => number.GetRawText().AsSpan().IndexOfAny(".eE") < 0;

    private static void Compare(JsonElement expected, JsonElement actual, string path, bool numberKinds)
    {
        if (expected.ValueKind == JsonValueKind.Number && actual.ValueKind == JsonValueKind.Number)
        {
            Assert.True(
                expected.GetDouble() == actual.GetDouble() && (!numberKinds || IsIntegerLiteral(expected) == IsIntegerLiteral(actual)),
                $"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}");
            return;
        }
        Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Array:
                Assert.True(
                    expected.GetArrayLength() == actual.GetArrayLength(),
                    $"{path}: expected {expected.GetArrayLength()} items, got {actual.GetArrayLength()}");
                for (var i = 0; i < expected.GetArrayLength(); i++)
                {
                    Compare(expected[i], actual[i], $"{path}[{i}]", numberKinds);
                }
                break;
            case JsonValueKind.Object:
                var expectedKeys = expected.EnumerateObject().Select(p => p.Name).Order().ToList();
                var actualKeys = actual.EnumerateObject().Select(p => p.Name).Order().ToList();
                Assert.True(
                    expectedKeys.SequenceEqual(actualKeys),
                    $"{path}: expected keys [{string.Join(", ", expectedKeys)}], got [{string.Join(", ", actualKeys)}]");
                foreach (var property in expected.EnumerateObject())
                {
                    Compare(property.Value, actual.GetProperty(property.Name), $"{path}.{property.Name}", numberKinds);
                }
                break;
            case JsonValueKind.String:
                Assert.Equal(expected.GetString(), actual.GetString());
                break;
            default:
                break;
        }
    }

    public static void Equal(string expectedJson, string actualJson)
    {
        using var expected = JsonDocument.Parse(expectedJson);
        using var actual = JsonDocument.Parse(actualJson);
        Equal(expected.RootElement, actual.RootElement);
    }
}
