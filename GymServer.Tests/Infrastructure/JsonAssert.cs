using System.Text.Json;

namespace GymServer.Tests.Infrastructure;

/// <summary>Compares JSON values by meaning: numbers as float64 values (1 equals 1.0), objects by key.</summary>
public static class JsonAssert
{
    public static void Equal(JsonElement expected, JsonElement actual, string path = "$")
    {
        if (expected.ValueKind == JsonValueKind.Number && actual.ValueKind == JsonValueKind.Number)
        {
            Assert.True(
                expected.GetDouble() == actual.GetDouble(),
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
                    Equal(expected[i], actual[i], $"{path}[{i}]");
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
                    Equal(property.Value, actual.GetProperty(property.Name), $"{path}.{property.Name}");
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
